package io.cpor.validation.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a review tells the world, kept with the review until published. */
public sealed interface ReviewEvent {

    UUID eventId();

    Instant occurredAt();

    UUID causationId();

    /** The claim waits for a validator (on the public review topic), for the first time or again. */
    record ReviewRequested(UUID eventId, Instant occurredAt, UUID causationId, Trigger trigger)
            implements ReviewEvent {
    }

    /**
     * What put the claim in review: its submission, the partner's answer, the partner's dispute, or an approval for
     * what another partner holds.
     */
    enum Trigger {
        SUBMITTED, INFORMATION_PROVIDED, DISPUTED, ARBITRATION
    }

    /** Validators arbitrated: the holders keep what the claim contests, or it is awarded to the claim. */
    record ArbitrationDecided(UUID eventId, Instant occurredAt, UUID causationId, Decision.Kind outcome,
            String decidedBy) implements ReviewEvent {
    }

    /** A validator approved. */
    record Approved(UUID eventId, Instant occurredAt, UUID causationId, String approvedBy) implements ReviewEvent {
    }

    /**
     * The claim is rejected, by the checks (rejectedBy null) or a validator, with every reason; {@code afterDispute}:
     * a disputed claim's rejection, final.
     */
    record Rejected(UUID eventId, Instant occurredAt, UUID causationId, List<CheckResult> reasons,
            String rejectedBy, boolean afterDispute) implements ReviewEvent {

        public Rejected {
            reasons = List.copyOf(reasons);
        }
    }

    /** A validator asked the partner for more information, to be given by {@code answerBy}. */
    record InformationRequested(UUID eventId, Instant occurredAt, UUID causationId, String message,
            List<String> reasons, String requestedBy, Instant answerBy) implements ReviewEvent {
    }

    /** A decision taken through the review API, recorded on the decisions topic like a tool's. */
    record DecisionRecorded(UUID eventId, Instant occurredAt, UUID causationId, Decision decision)
            implements ReviewEvent {
    }
}
