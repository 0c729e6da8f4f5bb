package io.cpor.associations.domain;

/** One workload of a claim and what became of it on approval. */
public record WorkloadClaim(String workload, Outcome outcome) {

    /** Reserved for the partner, or why not. */
    public enum Outcome {
        RESERVED, HELD_BY_ANOTHER_PARTNER, ALREADY_ASSOCIATED
    }

    public boolean reserved() {
        return outcome == Outcome.RESERVED;
    }
}
