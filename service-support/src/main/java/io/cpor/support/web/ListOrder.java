package io.cpor.support.web;

import java.util.List;
import java.util.Locale;

/**
 * How a list is sorted, from a {@code sort} parameter such as {@code name,asc} or {@code submittedAt} (a field the
 * list offers, optionally {@code ,asc} or {@code ,desc}; descending when not said). Anything else is refused naming
 * the parameter.
 */
public record ListOrder(String field, boolean ascending) {

    public static ListOrder parse(String text, List<String> fields, ListOrder fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String[] parts = text.trim().split(",", -1);
        String direction = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "desc";
        if (parts.length > 2 || !fields.contains(parts[0].trim()) || !List.of("asc", "desc").contains(direction)) {
            throw new InvalidRequestException("sort", "must be one of " + String.join(", ", fields)
                    + ", optionally followed by ,asc or ,desc");
        }
        return new ListOrder(parts[0].trim(), direction.equals("asc"));
    }

    /** What a cursor of this order carries, so one given out for another order is refused. */
    String key() {
        return field + (ascending ? ",asc" : ",desc");
    }
}
