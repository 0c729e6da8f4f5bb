package io.cpor.claims.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the other services say happened to a claim; the claim's status and timeline follow from these. */
public sealed interface ClaimFact {

    UUID eventId();

    Instant occurredAt();

    /** A validator's review of the claim began (first, or again after the partner answered). */
    record ReviewStarted(UUID eventId, Instant occurredAt, int round) implements ClaimFact {
    }

    /** A validator asked the partner for more information. */
    record InformationRequested(UUID eventId, Instant occurredAt, String message, List<String> reasons,
            String requestedBy, Instant answerBy) implements ClaimFact {
    }

    /** A validator approved the claim. */
    record Approved(UUID eventId, Instant occurredAt, String approvedBy) implements ClaimFact {
    }

    /** The claim was rejected, with every reason; {@code afterDispute}: the rejection of a dispute, final. */
    record Rejected(UUID eventId, Instant occurredAt, List<Reason> reasons, String rejectedBy, boolean afterDispute)
            implements ClaimFact {

        public Rejected {
            reasons = List.copyOf(reasons);
        }
    }

    /** Workloads were reserved for the partner; the customer is to be asked. */
    record AssociationRequested(UUID eventId, Instant occurredAt, List<String> workloads) implements ClaimFact {
    }

    /** Workloads could not be reserved, each with a reason code. */
    record Conflicted(UUID eventId, Instant occurredAt, Map<String, String> reasons) implements ClaimFact {
    }

    /** The customer was emailed; they may decline until {@code declineBy}. */
    record CustomerNotified(UUID eventId, Instant occurredAt, Instant declineBy) implements ClaimFact {
    }

    /** Nobody declined: the workloads are associated with the partner. */
    record Activated(UUID eventId, Instant occurredAt, List<String> workloads) implements ClaimFact {
    }

    /** The customer declined before the deadline. */
    record Declined(UUID eventId, Instant occurredAt, List<String> workloads) implements ClaimFact {
    }

    /** The customer ended an active association. */
    record Removed(UUID eventId, Instant occurredAt, List<String> workloads) implements ClaimFact {
    }

    /** Another partner holds these workloads: Microsoft arbitrates before anything more happens to them. */
    record Contested(UUID eventId, Instant occurredAt, List<String> workloads) implements ClaimFact {
    }

    /**
     * The arbitration is over: the workloads were awarded to this claim ({@code AWARDED}), kept by their holder
     * ({@code KEPT}), or the holder let go of them first ({@code LET_GO}).
     */
    record Arbitrated(UUID eventId, Instant occurredAt, String outcome) implements ClaimFact {
    }

    /** After arbitration, these workloads were awarded to another partner: they end for this claim. */
    record Superseded(UUID eventId, Instant occurredAt, List<String> workloads) implements ClaimFact {
    }

    /** The partner ended the association of these workloads, for this reason. */
    record Disassociated(UUID eventId, Instant occurredAt, List<String> workloads, String reason)
            implements ClaimFact {
    }

    /** A stable reason code and a sentence. */
    record Reason(String code, String message) {
    }
}
