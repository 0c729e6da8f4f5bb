package io.cpor.validation.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A claim approved for what other partners hold (waiting on the customer or active): validators compare it with each
 * holder's claim and review, and keep the holders or award the workloads to the claimant.
 *
 * @param outcome null while undecided, then {@link Decision.Kind#KEEP_HOLDER} or
 *     {@link Decision.Kind#AWARD_TO_CLAIMANT}
 * @param moot when the holders let go of what was contested before anyone decided: nothing left to arbitrate
 */
public record Arbitration(Instant openedAt, List<String> contestedWorkloads, List<Holder> holders,
        Decision.Kind outcome, Instant moot) {

    public Arbitration {
        contestedWorkloads = List.copyOf(contestedWorkloads);
        holders = List.copyOf(holders);
    }

    public boolean open() {
        return outcome == null && moot == null;
    }

    Arbitration decided(Decision.Kind decided) {
        return new Arbitration(openedAt, contestedWorkloads, holders, decided, null);
    }

    Arbitration mooted(Instant at) {
        return new Arbitration(openedAt, contestedWorkloads, holders, null, at);
    }

    /**
     * A partner holding contested workloads: its claim as reviewed here (null if this service never reviewed it),
     * who approved it, and its questions and answers. Never shown to the claimant.
     */
    public record Holder(UUID claimId, List<String> workloads, ClaimSnapshot claim, String approvedBy,
            List<InformationExchange> exchanges) {

        public Holder {
            workloads = List.copyOf(workloads);
            exchanges = exchanges == null ? List.of() : List.copyOf(exchanges);
        }
    }
}
