package io.cpor.claims.domain;

import java.util.Set;

/**
 * Where a claim is in the process. The phase orders the statuses so an event that arrives late never moves a claim
 * back: review (1) comes before the decision (2), the wait on the customer (3), and the customer's outcome (4-5);
 * a withdrawal and a final rejection (a disputed claim rejected again, or an association the partner ended) end it
 * (6). A dispute is the one way back: the partner's own step from REJECTED to DISPUTED, a review-phase status. An
 * approval for what another partner holds is CONTESTED until Microsoft has arbitrated, then APPROVED again.
 */
public enum ClaimStatus {

    SUBMITTED(0), IN_REVIEW(1), INFORMATION_REQUESTED(1), DISPUTED(1), REJECTED(2), APPROVED(2), CONTESTED(2),
    AWAITING_CUSTOMER(3),
    ASSOCIATED(4), DECLINED_BY_CUSTOMER(4), REMOVED_BY_CUSTOMER(5), WITHDRAWN(6), REJECTED_FINAL(6);

    private static final Set<ClaimStatus> WITHDRAWABLE = Set.of(SUBMITTED, IN_REVIEW, INFORMATION_REQUESTED,
            DISPUTED, APPROVED, CONTESTED, AWAITING_CUSTOMER);

    private final int phase;

    ClaimStatus(int phase) {
        this.phase = phase;
    }

    int phase() {
        return phase;
    }

    /** A partner may withdraw until the associations are active (or the claim is otherwise over). */
    public boolean withdrawable() {
        return WITHDRAWABLE.contains(this);
    }
}
