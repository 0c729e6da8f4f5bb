package io.cpor.claims.domain;

import java.time.Instant;

/** One thing that happened to a claim: when, what (a stable code such as {@code APPROVED}) and in words. */
public record TimelineEntry(Instant at, String event, String detail) {
}
