package io.cpor.validation.api;

import io.cpor.validation.domain.Arbitration;
import io.cpor.validation.domain.CheckResult;
import io.cpor.validation.domain.ClaimSnapshot;
import io.cpor.validation.domain.Dispute;
import io.cpor.validation.domain.InformationExchange;
import io.cpor.validation.domain.Review;
import io.cpor.validation.domain.ReviewDeadline;
import io.cpor.validation.domain.ReviewStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A claim's review as a validator reads it. */
@Schema(description = "A claim under review: the claim, the automated checks, the information exchanged")
record ReviewView(
        String claimId,
        @Schema(description = "PENDING (awaiting a decision), INFORMATION_REQUESTED, APPROVED, REJECTED or WITHDRAWN")
        String state,
        @Schema(description = "How many times the claim has been put in review") int round,
        @Schema(description = "This round's review request (its ReviewRequested on cpor.claims.review); a tool "
                + "deciding through cpor.claims.review-decisions quotes it to decide on this round only")
        String reviewRequestId,
        Instant submittedAt,
        @Schema(description = "When it entered the queue (this round)") Instant queuedAt,
        @Schema(description = "By when it should be decided: cpor.validation.review-business-days after it entered "
                + "the queue; the queue is in this order") Instant dueAt,
        ClaimSnapshot claim,
        List<CheckResult> checks,
        List<InformationExchange> informationExchanges,
        @Schema(description = "Until when the partner may answer the open question", nullable = true)
        Instant answerBy,
        List<CheckResult> rejectionReasons,
        @Schema(nullable = true) String decidedBy,
        @Schema(description = "The partner's dispute of the claim's rejection: this round reviews it, and a "
                + "rejection now is final", nullable = true) Dispute dispute,
        @Schema(description = "When the claim was approved for what other partners hold: the contested workloads and "
                + "each holder's claim and review; decide KEEP_HOLDER or AWARD_TO_CLAIMANT (outcome once decided)",
                nullable = true) ArbitrationView arbitration) {

    /** An arbitration as validators read it. */
    record ArbitrationView(Instant openedAt, List<String> contestedWorkloads, List<Arbitration.Holder> holders,
            @Schema(description = "KEEP_HOLDER or AWARD_TO_CLAIMANT once decided, HOLDER_LET_GO when the holders let "
                    + "go first; null while open", nullable = true)
            String outcome) {

        static ArbitrationView of(Arbitration arbitration) {
            if (arbitration == null) {
                return null;
            }
            String outcome = arbitration.outcome() != null ? arbitration.outcome().name()
                    : arbitration.moot() != null ? "HOLDER_LET_GO" : null;
            return new ArbitrationView(arbitration.openedAt(), arbitration.contestedWorkloads(), arbitration.holders(),
                    outcome);
        }
    }

    static String state(ReviewStatus status) {
        return status == ReviewStatus.IN_REVIEW ? "PENDING" : status.name();
    }

    static ReviewView of(Review review, ReviewDeadline deadline) {
        Review.State s = review.state();
        return new ReviewView(s.claimId().toString(), state(s.status()), s.round(),
                s.currentReviewRequestId() == null ? null : s.currentReviewRequestId().toString(), s.submittedAt(),
                s.queuedAt(), deadline.dueBy(s.queuedAt()), s.claim(), s.checks(), s.exchanges(), s.timerDueAt(),
                s.rejectionReasons(),
                s.decidedBy(), s.dispute(), ArbitrationView.of(s.arbitration()));
    }
}
