/**
 * Kafka: the relay that publishes each claim's stored events (in order, idempotent producer, then forgets them),
 * and the listener that turns the other services' events into the claim's status and timeline.
 */
package io.cpor.claims.messaging;
