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

    @Test
    void reviewsADisputeOnceAndItsRejectionIsFinal() {
        Review rejected = Review.checked(UUID.randomUUID(), ClaimChecksTests.claim().build(), submittedId, T0,
                List.of(CheckResult.fail("TENANT_DOMAIN_MISMATCH", "not the tenant's"),
                        CheckResult.pass(ClaimChecks.DUPLICATE_CLAIM, "none")), T0);
        UUID disputeId = UUID.randomUUID();

        Review disputed = rejected.disputed(disputeId, T0.plusSeconds(60), "the domain was added", List.of(),
                CheckResult.fail(ClaimChecks.DUPLICATE_CLAIM, "held by another claim of yours"));

        assertThat(disputed.status()).isEqualTo(ReviewStatus.IN_REVIEW);
        assertThat(disputed.state().round()).isEqualTo(2);
        assertThat(disputed.state().dispute()).satisfies(dispute -> {
            assertThat(dispute.justification()).isEqualTo("the domain was added");
            assertThat(dispute.rejectedBy()).as("the checks rejected it").isNull();
            assertThat(dispute.rejectedFor()).extracting(CheckResult::code).containsExactly("TENANT_DOMAIN_MISMATCH");
        });
        assertThat(disputed.state().checks()).extracting(CheckResult::passed).containsExactly(false, false);
        assertThat(disputed.newEvents()).singleElement().isInstanceOfSatisfying(ReviewEvent.ReviewRequested.class,
                requested -> assertThat(requested.trigger()).isEqualTo(ReviewEvent.Trigger.DISPUTED));
        assertThat(disputed.disputed(disputeId, T0.plusSeconds(61), "again", List.of(),
                CheckResult.pass(ClaimChecks.DUPLICATE_CLAIM, "none"))).isSameAs(disputed);

        Review last = disputed.decide(decision(Decision.Kind.REJECT, "still not the tenant's", null), T0, false);
        assertThat(last.newEvents()).singleElement().isInstanceOfSatisfying(ReviewEvent.Rejected.class,
                event -> assertThat(event.afterDispute()).isTrue());
        assertThat(last.disputed(UUID.randomUUID(), T0.plusSeconds(90), "once more", List.of(),
                CheckResult.pass(ClaimChecks.DUPLICATE_CLAIM, "none"))).as("a claim is disputed once")
                .isSameAs(last);
    }

    @Test
    void ignoresADisputeOfAClaimNotRejected() {
        assertThat(inReview.disputed(UUID.randomUUID(), T0, "why", List.of(),
                CheckResult.pass(ClaimChecks.DUPLICATE_CLAIM, "none"))).isSameAs(inReview);
    }

    @Test
    void keepsWhatThePartnerChangedWithTheOpenQuestion() {
        Review asked = inReview.decide(decision(Decision.Kind.REQUEST_INFORMATION, null, "which apps?"),
                T0.plus(Duration.ofDays(14)), false);
        ClaimSnapshot changed = ClaimChecksTests.claim().withWorkloads("TEAMS", "INTUNE").build();
        List<ClaimChange> changes = List.of(new ClaimChange("workloads", "TEAMS", "TEAMS, INTUNE"));
        List<CheckResult> checks = List.of(CheckResult.pass("PROGRAM_WORKLOAD_MISMATCH", "ok"));

        Review amended = asked.amended(UUID.randomUUID(), T0.plusSeconds(30), changed, changes, checks);

        assertThat(amended.status()).isEqualTo(ReviewStatus.INFORMATION_REQUESTED);
        assertThat(amended.state().claim()).isEqualTo(changed);
        assertThat(amended.state().checks()).isEqualTo(checks);
        assertThat(amended.state().exchanges()).singleElement()
                .satisfies(exchange -> assertThat(exchange.changes()).isEqualTo(changes));
        Review answered = amended.informationProvided(UUID.randomUUID(), T0.plusSeconds(60), "done", List.of());
        assertThat(answered.state().exchanges().get(0).changes()).as("kept after the answer").isEqualTo(changes);
    }

    @Test
    void refusesAnAmendmentThatChangesWhatAClaimKeeps() {
        Review asked = inReview.decide(decision(Decision.Kind.REQUEST_INFORMATION, null, "which apps?"),
                T0.plus(Duration.ofDays(14)), false);
        ClaimSnapshot otherProgram = ClaimChecksTests.claim().withProgram("OSA_SELL").build();

        assertThatThrownBy(() -> asked.amended(UUID.randomUUID(), T0, otherProgram, List.of(), List.of()))
                .isInstanceOf(RefusedChangeException.class).hasMessageContaining("keeps once submitted");
    }

    @Test
    void arbitratesAnApprovalForWhatAnotherPartnerHoldsOnce() {
        Review approved = inReview.decide(decision(Decision.Kind.APPROVE, null, null), T0, false);
        UUID contestId = UUID.randomUUID();
        Arbitration.Holder holder = new Arbitration.Holder(UUID.randomUUID(), List.of("TEAMS"),
                ClaimChecksTests.claim().build(), "validator-2", List.of());

        Review contested = approved.contested(contestId, T0.plusSeconds(10), List.of("TEAMS"), List.of(holder));

        assertThat(contested.status()).isEqualTo(ReviewStatus.IN_REVIEW);
        assertThat(contested.state().round()).isEqualTo(2);
        assertThat(contested.state().arbitration().holders()).containsExactly(holder);
        assertThat(contested.newEvents()).singleElement().isInstanceOfSatisfying(ReviewEvent.ReviewRequested.class,
                requested -> assertThat(requested.trigger()).isEqualTo(ReviewEvent.Trigger.ARBITRATION));
        assertThatThrownBy(() -> contested.decide(decision(Decision.Kind.APPROVE, null, null), T0, false))
                .isInstanceOf(NotInReviewException.class).hasMessageContaining("arbitration");

        Review awarded = contested.decide(decision(Decision.Kind.AWARD_TO_CLAIMANT, null, null), T0, false);
        assertThat(awarded.status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(awarded.state().arbitration().outcome()).isEqualTo(Decision.Kind.AWARD_TO_CLAIMANT);
        assertThat(awarded.newEvents()).singleElement().isInstanceOfSatisfying(ReviewEvent.ArbitrationDecided.class,
                decided -> assertThat(decided.outcome()).isEqualTo(Decision.Kind.AWARD_TO_CLAIMANT));
        assertThat(awarded.contested(UUID.randomUUID(), T0.plusSeconds(20), List.of("TEAMS"), List.of(holder)))
                .as("arbitrated once").isSameAs(awarded);
        assertThatThrownBy(() -> awarded.decide(decision(Decision.Kind.KEEP_HOLDER, null, null), T0, false))
                .isInstanceOf(NotInReviewException.class);
    }

    @Test
    void anArbitrationTheHoldersMadeMootEndsApproved() {
        Review contested = inReview.decide(decision(Decision.Kind.APPROVE, null, null), T0, false)
                .contested(UUID.randomUUID(), T0, List.of("TEAMS"), List.of());
        UUID eventId = UUID.randomUUID();

        Review moot = contested.uncontested(eventId, T0.plusSeconds(5));

        assertThat(moot.status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(moot.state().arbitration().open()).isFalse();
        assertThat(moot.newEvents()).isEmpty();
        assertThat(moot.uncontested(eventId, T0.plusSeconds(6))).isSameAs(moot);
        assertThatThrownBy(() -> moot.decide(decision(Decision.Kind.KEEP_HOLDER, null, null), T0, false))
                .isInstanceOf(NotInReviewException.class);
    }

    @Test
    void refusesAnArbitrationDecisionOutsideAnArbitration() {
        assertThatThrownBy(() -> inReview.decide(decision(Decision.Kind.KEEP_HOLDER, null, null), T0, false))
                .isInstanceOf(NotInReviewException.class).hasMessageContaining("not in arbitration");
    }

    @Test
    void aClaimantWhoDoesNotAnswerDuringArbitrationLeavesTheHolderTheWorkloads() {
        Review contested = inReview.decide(decision(Decision.Kind.APPROVE, null, null), T0, false)
                .contested(UUID.randomUUID(), T0, List.of("TEAMS"), List.of());
        Instant answerBy = T0.plus(Duration.ofDays(14));
        Review asked = contested.decide(decision(Decision.Kind.REQUEST_INFORMATION, null, "your proof?"), answerBy,
                false);

        Review timedOut = asked.informationTimedOut(answerBy);

        assertThat(timedOut.status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(timedOut.newEvents()).singleElement().isInstanceOfSatisfying(ReviewEvent.ArbitrationDecided.class,
                decided -> assertThat(decided.outcome()).isEqualTo(Decision.Kind.KEEP_HOLDER));
    }

    private static Decision decision(Decision.Kind kind, String reason, String message) {
        return new Decision(UUID.randomUUID(), kind, reason, message,
                kind == Decision.Kind.REQUEST_INFORMATION ? List.of("MISSING_PROOF_OF_EXECUTION") : List.of(),
                "validator@microsoft.example", null, T0);
    }
}
