package io.cpor.validation.domain;

/** One field the partner changed while a validator's question was open, before and after in words. */
public record ClaimChange(String field, String before, String after) {
}
