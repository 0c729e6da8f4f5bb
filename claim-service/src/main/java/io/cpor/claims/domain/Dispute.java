package io.cpor.claims.domain;

import java.time.Instant;
import java.util.List;

/** The partner's dispute of a rejection: when, why, and the documents attached. */
public record Dispute(Instant disputedAt, String justification, List<ClaimDetails.DocumentRef> documents) {

    public Dispute {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
