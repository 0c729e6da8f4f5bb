package io.cpor.validation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReviewTests {

    private static final Instant T0 = Instant.parse("2026-11-02T18:00:00Z");
    private final UUID submittedId = UUID.randomUUID();
    private final Review inReview = Review.checked(UUID.randomUUID(), ClaimChecksTests.claim().build(), submittedId,
            T0, List.of(CheckResult.pass("TENANT_DOMAIN_MISMATCH", "ok")), T0);

    @Test
    void putsAClaimThatPassedEveryCheckInReviewWithADerivedEventId() {
        assertThat(inReview.status()).isEqualTo(ReviewStatus.IN_REVIEW);
        assertThat(inReview.newEvents()).singleElement().isInstanceOfSatisfying(ReviewEvent.ReviewRequested.class,
                requested -> assertThat(requested.eventId()).isEqualTo(io.cpor.schemas.EventIds.derive(submittedId,
                        "review-requested")));
    }

    @Test
    void rejectsAClaimWithEveryFailedCheckInOneRejection() {
        Review rejected = Review.checked(UUID.randomUUID(), ClaimChecksTests.claim().build(), submittedId, T0,
                List.of(CheckResult.fail("TENANT_DOMAIN_MISMATCH", "a"), CheckResult.pass("X", "b"),
                        CheckResult.fail("DUPLICATE_CLAIM", "c")), T0);

        assertThat(rejected.status()).isEqualTo(ReviewStatus.REJECTED);
        assertThat(rejected.newEvents()).singleElement().isInstanceOfSatisfying(ReviewEvent.Rejected.class,
                event -> assertThat(event.reasons()).extracting(CheckResult::code)
                        .containsExactly("TENANT_DOMAIN_MISMATCH", "DUPLICATE_CLAIM"));
    }

    @Test
    void approvesOnceAndRefusesASecondDecision() {
        Review approved = inReview.decide(decision(Decision.Kind.APPROVE, null, null), T0, false);

        assertThat(approved.status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(approved.state().decidedBy()).isEqualTo("validator@microsoft.example");
        assertThatThrownBy(() -> approved.decide(decision(Decision.Kind.REJECT, "late", null), T0, false))
                .isInstanceOf(NotInReviewException.class).hasMessageContaining("APPROVED");
    }

    @Test
    void refusesADecisionForAnEarlierReviewRound() {
        Decision stale = new Decision(UUID.randomUUID(), Decision.Kind.APPROVE, null, null, null, "v",
                UUID.randomUUID(),
                T0);

        assertThatThrownBy(() -> inReview.decide(stale, T0, false)).isInstanceOf(NotInReviewException.class)
                .hasMessageContaining("review");
    }

    @Test
    void runsTheInformationLoopBackToReviewWithTheAnswerAttached() {
        Instant answerBy = T0.plus(Duration.ofDays(14));
        Review asked = inReview.decide(decision(Decision.Kind.REQUEST_INFORMATION, null, "attach the SOW"), answerBy,
                true);
        UUID answerId = UUID.randomUUID();

        Review answered = asked.informationProvided(answerId, T0.plusSeconds(60), "attached", List.of());

        assertThat(asked.newEvents()).hasSize(2).first().isInstanceOf(ReviewEvent.DecisionRecorded.class);
        assertThat(asked.state().timerDueAt()).isEqualTo(answerBy);
        assertThat(answered.status()).isEqualTo(ReviewStatus.IN_REVIEW);
        assertThat(answered.state().round()).isEqualTo(2);
        assertThat(answered.state().timerDueAt()).isNull();
        assertThat(answered.state().exchanges()).singleElement().satisfies(exchange -> {
            assertThat(exchange.question()).isEqualTo("attach the SOW");
            assertThat(exchange.answer()).isEqualTo("attached");
        });
        assertThat(answered.informationProvided(answerId, T0.plusSeconds(61), "again", List.of())).isSameAs(answered);
    }

    @Test
    void rejectsWhenTheAnswerIsLateAndNotASecondBefore() {
        Instant answerBy = T0.plus(Duration.ofDays(14));
        Review asked = inReview.decide(decision(Decision.Kind.REQUEST_INFORMATION, null, "attach"), answerBy, false);

        assertThat(asked.informationTimedOut(answerBy.minusSeconds(1))).isSameAs(asked);
        Review rejected = asked.informationTimedOut(answerBy);
        assertThat(rejected.status()).isEqualTo(ReviewStatus.REJECTED);
        assertThat(rejected.state().rejectionReasons()).extracting(CheckResult::code)
                .containsExactly(Review.INFORMATION_NOT_PROVIDED);
        assertThat(rejected.informationTimedOut(answerBy.plusSeconds(5))).isSameAs(rejected);
    }

    @Test
    void takesAWithdrawnClaimOutOfReview() {
        Review withdrawn = inReview.withdrawn(UUID.randomUUID(), T0.plusSeconds(5));

        assertThat(withdrawn.status()).isEqualTo(ReviewStatus.WITHDRAWN);
        assertThatThrownBy(() -> withdrawn.decide(decision(Decision.Kind.APPROVE, null, null), T0, false))
                .isInstanceOf(NotInReviewException.class);
    }

    private static Decision decision(Decision.Kind kind, String reason, String message) {
        return new Decision(UUID.randomUUID(), kind, reason, message,
                kind == Decision.Kind.REQUEST_INFORMATION ? List.of("MISSING_PROOF_OF_EXECUTION") : List.of(),
                "validator@microsoft.example", null, T0);
    }
}
