/**
 * Claims in MongoDB: one document per claim holding its state, its timeline and its unpublished events (the
 * outbox), changed with conditional updates on a revision so concurrent changes never overwrite each other.
 */
package io.cpor.claims.store;
