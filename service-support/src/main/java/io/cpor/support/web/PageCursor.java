package io.cpor.support.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque position in a list ordered by time and then id: the time and id of the last item of a page. Given to
 * clients as {@code nextCursor}; anything else given back is refused naming the {@code cursor} parameter.
 */
public record PageCursor(Instant at, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id)
                .getBytes(StandardCharsets.UTF_8));
    }

    public static PageCursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
            return new PageCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        }
        catch (RuntimeException e) {
            throw new InvalidRequestException("cursor", "is not a cursor this API gave out");
        }
    }
}
