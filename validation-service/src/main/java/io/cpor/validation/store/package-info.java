/**
 * Reviews in MongoDB (one document per claim with its outbox, changed by conditional updates on a revision) and
 * the partners' open claims, whose keys make a duplicate claim impossible to miss.
 */
package io.cpor.validation.store;
