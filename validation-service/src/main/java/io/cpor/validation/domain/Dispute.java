package io.cpor.validation.domain;

import java.time.Instant;
import java.util.List;

/**
 * The partner's dispute of a rejection, and the rejection it disputes: when and by whom (null: the automated checks
 * or a timeout) the claim was rejected, and for what.
 */
public record Dispute(Instant disputedAt, String justification, List<ClaimSnapshot.DocumentRef> documents,
        Instant rejectedAt, String rejectedBy, List<CheckResult> rejectedFor) {

    public Dispute {
        documents = List.copyOf(documents);
        rejectedFor = List.copyOf(rejectedFor);
    }
}
