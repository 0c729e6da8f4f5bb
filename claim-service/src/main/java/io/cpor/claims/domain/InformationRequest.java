package io.cpor.claims.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The validator's open (or last) question to the partner, its coded reasons, and the deadline to answer it. */
public record InformationRequest(UUID eventId, String message, List<String> reasons, String requestedBy,
        Instant requestedAt, Instant answerBy) {

    public InformationRequest {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
