package io.cpor.support.web;

/** One offending field of a request: its JSON path (e.g. {@code customer.contact.email}) and what is wrong. */
public record FieldViolation(String field, String message) {
}
