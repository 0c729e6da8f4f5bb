package io.cpor.validation.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A validator's decision, from the review API or the decisions topic.
 *
 * @param decisionId id of the decision (the ReviewDecided event id); a decision seen before is not applied again
 * @param reviewRequestId the review it answers, if the validator named one; a decision for an earlier round is
 *     refused
 */
public record Decision(UUID decisionId, Kind kind, String reason, String message, String validator,
        UUID reviewRequestId, Instant decidedAt) {

    /** What a validator can decide. */
    public enum Kind {
        APPROVE, REJECT, REQUEST_INFORMATION
    }
}
