package io.cpor.claims.domain;

import java.time.Instant;
import java.util.UUID;

/** The validator's open (or last) question to the partner, and the deadline to answer it. */
public record InformationRequest(UUID eventId, String message, String requestedBy, Instant requestedAt,
        Instant answerBy) {
}
