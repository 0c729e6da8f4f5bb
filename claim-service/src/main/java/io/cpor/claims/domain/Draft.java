package io.cpor.claims.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A claim its partner is still writing: the content as the partner left it, as JSON (any field may be missing; what
 * is there is well formed), kept in claim-service alone until it is submitted (it then becomes the claim with the
 * same id) or expires.
 */
public record Draft(UUID id, String partnerId, String content, Instant createdAt, Instant updatedAt,
        Instant expiresAt, long revision) {

    public boolean belongsTo(String partner) {
        return partnerId.equals(partner);
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** The draft with new content, good for another lifetime from now. */
    Draft edited(String newContent, Instant now, Instant newExpiry) {
        return new Draft(id, partnerId, newContent, createdAt, now, newExpiry, revision);
    }
}
