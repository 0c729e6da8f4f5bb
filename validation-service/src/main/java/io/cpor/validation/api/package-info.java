/**
 * The review API for validators (scope {@code cpor.review}): the queue of claims awaiting a decision, oldest
 * first, a claim's review, and the decision.
 */
package io.cpor.validation.api;
