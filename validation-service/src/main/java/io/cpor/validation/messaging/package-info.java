/**
 * Kafka: the listeners for claims (submitted, answered, withdrawn, closed) and for validators' decisions, and the
 * relay that publishes reviews' stored events to the review, outcome and decision topics.
 */
package io.cpor.validation.messaging;
