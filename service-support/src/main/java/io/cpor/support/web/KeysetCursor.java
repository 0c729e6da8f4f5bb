package io.cpor.support.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque position in a list sorted by a field and then by id: the order, the sorted value and the id of the last
 * item of a page. Given to clients as {@code nextCursor}; a cursor of another order, or anything else, is refused
 * naming the {@code cursor} parameter.
 */
public record KeysetCursor(ListOrder order, String value, UUID id) {

    public String encode() {
        String text = order.key() + "\n" + value + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public static KeysetCursor decode(String text, ListOrder order) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 3 || !parts[0].equals(order.key())) {
                throw new IllegalArgumentException("another order");
            }
            return new KeysetCursor(order, parts[1], UUID.fromString(parts[2]));
        }
        catch (RuntimeException e) {
            throw new InvalidRequestException("cursor", "is not a cursor this API gave out for sort "
                    + order.key());
        }
    }
}
