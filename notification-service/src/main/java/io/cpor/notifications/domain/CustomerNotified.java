package io.cpor.notifications.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * The SMTP server took the customer's mail: the decline window runs until {@code declineBy}. Stored with the mail
 * until published.
 */
public record CustomerNotified(UUID eventId, Instant occurredAt, UUID causationId, UUID claimId,
        CustomerNotice notice, Instant sentAt, Instant declineBy, String messageId) {
}
