package io.cpor.claims.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A draft as stored: its content is the partner's partial claim as JSON text. */
@Document("claim_drafts")
record DraftDocument(@Id String id, String partnerId, String content, Instant createdAt, Instant updatedAt,
        Instant expiresAt, long revision) {
}
