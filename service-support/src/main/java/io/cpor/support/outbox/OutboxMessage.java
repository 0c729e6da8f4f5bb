package io.cpor.support.outbox;

import java.time.Instant;
import java.util.UUID;

/** One stored event as it goes to Kafka: its id, when it happened, where it goes and the record itself. */
public record OutboxMessage(UUID eventId, Instant occurredAt, String topic, String key, Object value) {
}
