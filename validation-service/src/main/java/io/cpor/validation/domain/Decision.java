package io.cpor.validation.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A validator's decision, from the review API or the decisions topic.
 *
 * @param decisionId id of the decision (the ReviewDecided event id); a decision seen before is not applied again
 * @param informationReasons for REQUEST_INFORMATION, the coded reasons ({@link #INFORMATION_REASONS})
 * @param reviewRequestId the review it answers, if the validator named one; a decision for an earlier round is
 *     refused
 */
public record Decision(UUID decisionId, Kind kind, String reason, String message, List<String> informationReasons,
        String validator, UUID reviewRequestId, Instant decidedAt) {

    /** The codes of Partner Center's information requests. */
    public static final List<String> INFORMATION_REASONS = List.of("MISSING_PROOF_OF_EXECUTION",
            "MISSING_CUSTOMER_ACKNOWLEDGEMENT", "MISSING_OR_OUTDATED_DATES", "MISSING_PARTNER_SOLUTION",
            "MISSING_PRODUCTS");

    public Decision {
        informationReasons = informationReasons == null ? List.of() : List.copyOf(informationReasons);
    }

    /** What a validator can decide; the last two only in an arbitration. */
    public enum Kind {
        APPROVE, REJECT, REQUEST_INFORMATION, KEEP_HOLDER, AWARD_TO_CLAIMANT;

        public boolean arbitrates() {
            return this == KEEP_HOLDER || this == AWARD_TO_CLAIMANT;
        }
    }
}
