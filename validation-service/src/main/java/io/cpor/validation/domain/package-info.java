/**
 * The review of a claim: the automated checks, the validator's decisions, the information loop and its timeout,
 * and the events each step emits (kept with the review until published). Pure Java; ports connect it to the
 * tenant directory, the store of open claims and the relay.
 */
package io.cpor.validation.domain;
