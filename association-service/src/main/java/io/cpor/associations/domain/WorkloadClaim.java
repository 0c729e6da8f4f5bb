package io.cpor.associations.domain;

import java.util.UUID;

/**
 * One workload of a claim and what became of it: reserved, refused (held already), contested (another partner holds
 * it: Microsoft arbitrates; {@code holder} says who), or superseded (awarded to another partner after arbitration).
 */
public record WorkloadClaim(String workload, Outcome outcome, Holder holder) {

    public WorkloadClaim(String workload, Outcome outcome) {
        this(workload, outcome, null);
    }

    /** Reserved for the partner, or why not. */
    public enum Outcome {
        RESERVED, HELD_BY_ANOTHER_PARTNER, ALREADY_ASSOCIATED, CONTESTED, SUPERSEDED
    }

    /** Who holds a contested workload: their request, claim and PartnerID (never shown to the claimant). */
    public record Holder(UUID requestId, UUID claimId, String partnerId) {
    }

    public boolean reserved() {
        return outcome == Outcome.RESERVED;
    }

    public boolean contested() {
        return outcome == Outcome.CONTESTED;
    }

    /** This workload with another outcome (and no holder unless contested). */
    public WorkloadClaim as(Outcome next) {
        return new WorkloadClaim(workload, next, next == Outcome.CONTESTED ? holder : null);
    }
}
