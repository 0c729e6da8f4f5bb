package io.cpor.claims.api;

import io.cpor.support.web.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** An opaque position in the newest-first order: the submission time and id of the last claim of a page. */
record Cursor(Instant submittedAt, UUID claimId) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((submittedAt + "|" + claimId)
                .getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
            return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        }
        catch (RuntimeException e) {
            throw new InvalidRequestException("cursor", "is not a cursor this API gave out");
        }
    }
}
