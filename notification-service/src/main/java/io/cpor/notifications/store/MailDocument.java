package io.cpor.notifications.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A queued (or sent) mail as stored. */
@Document("mails")
record MailDocument(
        @Id String id,
        String sourceEventId,
        String claimId,
        String kind,
        RecipientDocument to,
        String locale,
        Map<String, Object> model,
        NoticeDocument notice,
        String status,
        int attempts,
        Instant queuedAt,
        Instant nextAttemptAt,
        Instant leaseUntil,
        String lastError,
        Instant sentAt,
        Instant declineBy,
        String messageId,
        List<EventDocument> outbox,
        long revision) {

    record RecipientDocument(String address, String name) {
    }

    record NoticeDocument(String requestId, String tenantId, String partnerId) {
    }

    record EventDocument(String eventId, Instant occurredAt, String causationId, Instant sentAt, Instant declineBy,
            String messageId) {
    }
}
