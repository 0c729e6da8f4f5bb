package io.cpor.claims.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClaimTests {

    private static final java.util.List<String> REASONS = java.util.List.of("MISSING_PROOF_OF_EXECUTION");

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);

    private final Claim submitted = Claim.submit(UUID.randomUUID(), details("TEAMS", "EXCHANGE_ONLINE"), T0,
            UUID.randomUUID(), null);

    @Test
    void startsSubmittedWithEveryWorkloadRequestedAndItsEventPending() {
        assertThat(submitted.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(submitted.state().workloads()).containsExactly(Map.entry("TEAMS", WorkloadState.REQUESTED),
                Map.entry("EXCHANGE_ONLINE", WorkloadState.REQUESTED));
        assertThat(submitted.newEvents()).singleElement().isInstanceOf(ClaimEvent.Submitted.class);
        assertThat(submitted.state().pendingEvents()).isEqualTo(submitted.newEvents());
    }

    @Test
    void ignoresAFactItHasSeen() {
        ClaimFact approved = new ClaimFact.Approved(UUID.randomUUID(), at(5), "validator");
        Claim once = submitted.apply(approved);

        assertThat(once.apply(approved)).isSameAs(once);
        assertThat(once.state().timeline()).hasSize(2);
    }

    @Test
    void neverMovesBackForALateReviewEvent() {
        Claim claim = submitted
                .apply(new ClaimFact.Approved(UUID.randomUUID(), at(5), "validator"))
                .apply(new ClaimFact.ReviewStarted(UUID.randomUUID(), at(1), 1))
                .apply(new ClaimFact.InformationRequested(UUID.randomUUID(), at(2), "why?", REASONS, "v",
                        at(100)));

        assertThat(claim.status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(claim.state().informationRequest()).isNull();
        assertThat(claim.state().timeline()).extracting(TimelineEntry::event)
                .containsExactly("SUBMITTED", "IN_REVIEW", "INFORMATION_REQUESTED", "APPROVED");
    }

    @Test
    void appliesOnlyTheNewestOfReorderedReviewEvents() {
        Claim claim = submitted
                .apply(new ClaimFact.InformationRequested(UUID.randomUUID(), at(3), "attach the SOW", REASONS,
                        "v", at(100)))
                .apply(new ClaimFact.ReviewStarted(UUID.randomUUID(), at(1), 1));

        assertThat(claim.status()).isEqualTo(ClaimStatus.INFORMATION_REQUESTED);
        assertThat(claim.state().informationRequest().message()).isEqualTo("attach the SOW");
    }

    @Test
    void goesBackToReviewWhenThePartnerAnswersAndIgnoresTheEarlierRound() {
        UUID question = UUID.randomUUID();
        Claim asked = submitted.apply(new ClaimFact.InformationRequested(question, at(3), "attach", REASONS, "v",
                at(100)));

        Claim answered = asked.provideInformation("attached", List.of(), at(10), UUID.randomUUID())
                .apply(new ClaimFact.ReviewStarted(UUID.randomUUID(), at(2), 1));

        assertThat(answered.status()).isEqualTo(ClaimStatus.IN_REVIEW);
        assertThat(answered.newEvents()).isEmpty();
        assertThat(answered.state().pendingEvents()).last().isInstanceOfSatisfying(
                ClaimEvent.InformationProvided.class, provided -> assertThat(provided.inResponseTo())
                        .isEqualTo(question));
    }

    @Test
    void refusesAnAnswerWhenNothingWasAsked() {
        assertThatThrownBy(() -> submitted.provideInformation("here", List.of(), at(1), UUID.randomUUID()))
                .isInstanceOf(ClaimStateException.class).hasMessageContaining("SUBMITTED");
    }

    @Test
    void becomesAssociatedWhenEveryWorkloadNotRefusedIsActive() {
        Claim claim = submitted
                .apply(new ClaimFact.Approved(UUID.randomUUID(), at(1), "v"))
                .apply(new ClaimFact.Conflicted(UUID.randomUUID(), at(2), Map.of("TEAMS",
                        "WORKLOAD_HELD_BY_ANOTHER_PARTNER")))
                .apply(new ClaimFact.CustomerNotified(UUID.randomUUID(), at(3), at(3).plus(Duration.ofDays(7))));

        assertThat(claim.status()).isEqualTo(ClaimStatus.AWAITING_CUSTOMER);
        assertThat(claim.state().workloads()).containsEntry("TEAMS", WorkloadState.CONFLICT)
                .containsEntry("EXCHANGE_ONLINE", WorkloadState.PENDING_CUSTOMER);

        Claim active = claim.apply(new ClaimFact.Activated(UUID.randomUUID(), at(4), List.of("EXCHANGE_ONLINE")));

        assertThat(active.status()).isEqualTo(ClaimStatus.ASSOCIATED);
    }

    @Test
    void takesTheCustomersDeclineEvenOverAnActivationItReverses() {
        Claim claim = submitted
                .apply(new ClaimFact.Activated(UUID.randomUUID(), at(4), List.of("TEAMS", "EXCHANGE_ONLINE")))
                .apply(new ClaimFact.Declined(UUID.randomUUID(), at(5), List.of("TEAMS", "EXCHANGE_ONLINE")));

        assertThat(claim.status()).isEqualTo(ClaimStatus.DECLINED_BY_CUSTOMER);
        assertThat(claim.state().workloads().values()).containsOnly(WorkloadState.DECLINED);
    }

    @Test
    void isRemovedByTheCustomerAfterActivation() {
        Claim claim = submitted
                .apply(new ClaimFact.Activated(UUID.randomUUID(), at(4), List.of("TEAMS", "EXCHANGE_ONLINE")))
                .apply(new ClaimFact.Removed(UUID.randomUUID(), at(50), List.of("TEAMS", "EXCHANGE_ONLINE")));

        assertThat(claim.status()).isEqualTo(ClaimStatus.REMOVED_BY_CUSTOMER);
        assertThat(claim.state().workloads().values()).containsOnly(WorkloadState.REMOVED);
    }

    @Test
    void endsForGoodWhenThePartnerEndsTheAssociation() {
        Claim claim = submitted
                .apply(new ClaimFact.Activated(UUID.randomUUID(), at(4), List.of("TEAMS", "EXCHANGE_ONLINE")))
                .apply(new ClaimFact.Disassociated(UUID.randomUUID(), at(50), List.of("TEAMS", "EXCHANGE_ONLINE"),
                        "The customer moved on"))
                .apply(new ClaimFact.Removed(UUID.randomUUID(), at(60), List.of("TEAMS")));

        assertThat(claim.status()).isEqualTo(ClaimStatus.REJECTED_FINAL);
        assertThat(claim.state().rejectionReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo("PARTNER_REQUEST");
            assertThat(reason.message()).isEqualTo("The customer moved on");
        });
        assertThat(claim.state().workloads().values()).containsOnly(WorkloadState.REMOVED);
        assertThat(claim.status().withdrawable()).isFalse();
    }

    @Test
    void withdrawsUntilTheAssociationsAreActiveAndNotAfter() {
        Claim withdrawn = submitted.withdraw("wrong tenant", at(1), UUID.randomUUID());
        Claim associated = submitted.apply(new ClaimFact.Activated(UUID.randomUUID(), at(4),
                List.of("TEAMS", "EXCHANGE_ONLINE")));

        assertThat(withdrawn.status()).isEqualTo(ClaimStatus.WITHDRAWN);
        assertThat(withdrawn.state().workloads().values()).containsOnly(WorkloadState.WITHDRAWN);
        assertThat(withdrawn.newEvents()).singleElement().isInstanceOf(ClaimEvent.Withdrawn.class);
        assertThatThrownBy(() -> associated.withdraw(null, at(5), UUID.randomUUID()))
                .isInstanceOf(ClaimStateException.class);
        assertThatThrownBy(() -> withdrawn.withdraw(null, at(5), UUID.randomUUID()))
                .isInstanceOf(ClaimStateException.class);
    }

    @Test
    void staysWithdrawnWhenALateApprovalArrives() {
        Claim claim = submitted.withdraw(null, at(1), UUID.randomUUID())
                .apply(new ClaimFact.Approved(UUID.randomUUID(), at(2), "v"));

        assertThat(claim.status()).isEqualTo(ClaimStatus.WITHDRAWN);
    }

    @Test
    void letsAnActivationThatRacedAWithdrawalStand() {
        Claim claim = submitted.withdraw(null, at(10), UUID.randomUUID())
                .apply(new ClaimFact.Activated(UUID.randomUUID(), at(9), List.of("TEAMS", "EXCHANGE_ONLINE")));

        assertThat(claim.status()).isEqualTo(ClaimStatus.ASSOCIATED);
        assertThat(claim.state().workloads().values()).containsOnly(WorkloadState.ACTIVE);
    }

    @Test
    void disputesARejectionOnceAndASecondRejectionIsFinal() {
        Claim rejected = submitted.apply(new ClaimFact.Rejected(UUID.randomUUID(), at(10), List.of(
                new ClaimFact.Reason("VALIDATOR_REJECTED", "no proof")), "validator", false));
        Claim disputed = rejected.dispute("The proof is attached", List.of(), at(20), UUID.randomUUID(), WINDOW);

        assertThat(disputed.status()).isEqualTo(ClaimStatus.DISPUTED);
        assertThat(disputed.newEvents()).singleElement().isInstanceOf(ClaimEvent.Disputed.class);
        Claim reviewed = disputed.apply(new ClaimFact.ReviewStarted(UUID.randomUUID(), at(21), 2));
        assertThat(reviewed.status()).as("in review, still disputed").isEqualTo(ClaimStatus.DISPUTED);

        Claim last = reviewed.apply(new ClaimFact.Rejected(UUID.randomUUID(), at(30), List.of(
                new ClaimFact.Reason("VALIDATOR_REJECTED", "still no proof")), "validator", true));
        assertThat(last.status()).isEqualTo(ClaimStatus.REJECTED_FINAL);
        assertThatThrownBy(() -> last.dispute("again", List.of(), at(40), UUID.randomUUID(), WINDOW))
                .isInstanceOf(ClaimStateException.class)
                .satisfies(e -> assertThat(((ClaimStateException) e).code()).isEqualTo("dispute-already-raised"));
    }

    @Test
    void aDisputedClaimApprovedGoesOnAsAnyApproval() {
        Claim approved = submitted
                .apply(new ClaimFact.Rejected(UUID.randomUUID(), at(10), List.of(new ClaimFact.Reason(
                        "TENANT_DOMAIN_MISMATCH", "not the tenant's domain")), null, false))
                .dispute("The domain was added to the tenant", List.of(), at(20), UUID.randomUUID(), WINDOW)
                .apply(new ClaimFact.Approved(UUID.randomUUID(), at(30), "validator"));

        assertThat(approved.status()).isEqualTo(ClaimStatus.APPROVED);
    }

    @Test
    void refusesADisputeAfterTheWindow() {
        Claim rejected = submitted.apply(new ClaimFact.Rejected(UUID.randomUUID(), at(10), List.of(
                new ClaimFact.Reason("VALIDATOR_REJECTED", "no")), "validator", false));

        assertThatThrownBy(() -> rejected.dispute("late", List.of(), at(10).plus(WINDOW).plusMillis(1),
                UUID.randomUUID(), WINDOW))
                .isInstanceOf(ClaimStateException.class)
                .hasMessageContaining("could be disputed until " + at(10).plus(WINDOW))
                .satisfies(e -> assertThat(((ClaimStateException) e).code()).isEqualTo("dispute-window-closed"));
        assertThat(rejected.dispute("in time", List.of(), at(10).plus(WINDOW), UUID.randomUUID(), WINDOW)
                .status()).isEqualTo(ClaimStatus.DISPUTED);
    }

    @Test
    void refusesADisputeOfAClaimNotRejected() {
        assertThatThrownBy(() -> submitted.dispute("why", List.of(), at(1), UUID.randomUUID(), WINDOW))
                .isInstanceOf(ClaimStateException.class).hasMessageContaining("only a rejected claim");
    }

    @Test
    void isAmendedWhileAQuestionIsOpenWithEveryChangeInWords() {
        Claim asked = submitted.apply(new ClaimFact.InformationRequested(UUID.randomUUID(), at(5), "which apps?",
                List.of("MISSING_PRODUCTS"), "v", at(100)));
        ClaimDetails before = asked.state().details();
        ClaimDetails.Amendment amendment = new ClaimDetails.Amendment(before.customer().contact(),
                new ClaimDetails.PartnerContact("Lee Partner", "lee@partner-one.example"), null,
                List.of("TEAMS", "INTUNE"), before.proofOfExecution(), "Intune was deployed too");

        Claim amended = asked.amend(current -> amendment, at(6), UUID.randomUUID());

        assertThat(amended.status()).isEqualTo(ClaimStatus.INFORMATION_REQUESTED);
        assertThat(amended.state().details().workloads()).containsExactly("TEAMS", "INTUNE");
        assertThat(amended.state().workloads()).containsOnlyKeys("TEAMS", "INTUNE");
        ClaimEvent.Amended event = (ClaimEvent.Amended) amended.newEvents().get(0);
        assertThat(event.changes()).containsExactly(
                new ClaimChange("partnerContact", "Sam Partner <sam@partner-one.example>",
                        "Lee Partner <lee@partner-one.example>"),
                new ClaimChange("workloads", "TEAMS, EXCHANGE_ONLINE", "TEAMS, INTUNE"),
                new ClaimChange("comment", null, "Intune was deployed too"));
        assertThat(amended.state().timeline()).extracting(TimelineEntry::event).endsWith("AMENDED", "COMMENT");
        assertThat(amended.amend(current -> new ClaimDetails.Amendment(amendment.customerContact(),
                amendment.partnerContact(), null, amendment.workloads(), amendment.proofOfExecution(), null), at(7),
                UUID.randomUUID()))
                .as("a patch that changes nothing").isSameAs(amended);
    }

    @Test
    void refusesAnAmendmentWhenNoQuestionIsOpen() {
        ClaimDetails details = submitted.state().details();
        assertThatThrownBy(() -> submitted.amend(current -> new ClaimDetails.Amendment(details.customer().contact(),
                details.partnerContact(), null, List.of("TEAMS"), null, null), at(1), UUID.randomUUID()))
                .isInstanceOf(ClaimStateException.class).hasMessageContaining("INFORMATION_REQUESTED");
    }

    @Test
    void isContestedUntilArbitratedAndApprovedAgainWhenKeptByTheHolder() {
        Claim contested = submitted.apply(new ClaimFact.Approved(UUID.randomUUID(), at(5), "validator"))
                .apply(new ClaimFact.Contested(UUID.randomUUID(), at(6), List.of("TEAMS")));
        assertThat(contested.status()).isEqualTo(ClaimStatus.CONTESTED);
        assertThat(contested.state().workloads()).containsEntry("TEAMS", WorkloadState.CONTESTED);

        Claim kept = contested.apply(new ClaimFact.Arbitrated(UUID.randomUUID(), at(7), "KEPT"))
                .apply(new ClaimFact.Conflicted(UUID.randomUUID(), at(8), Map.of("TEAMS",
                        "WORKLOAD_HELD_BY_ANOTHER_PARTNER")))
                .apply(new ClaimFact.AssociationRequested(UUID.randomUUID(), at(8), List.of("EXCHANGE_ONLINE")));
        assertThat(kept.status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(kept.state().workloads()).containsEntry("TEAMS", WorkloadState.CONFLICT);
    }

    @Test
    void isContestedEvenWhenTheContestIsReadBeforeTheApproval() {
        Claim contested = submitted.apply(new ClaimFact.ReviewStarted(UUID.randomUUID(), at(1), 1))
                .apply(new ClaimFact.Contested(UUID.randomUUID(), at(6), List.of("TEAMS")))
                .apply(new ClaimFact.Approved(UUID.randomUUID(), at(5), "validator"))
                .apply(new ClaimFact.ReviewStarted(UUID.randomUUID(), at(6), 2));

        assertThat(contested.status()).isEqualTo(ClaimStatus.CONTESTED);
    }

    @Test
    void endsForGoodWhenEveryWorkloadIsAwardedToAnotherPartner() {
        Claim active = submitted.apply(new ClaimFact.Approved(UUID.randomUUID(), at(5), "validator"))
                .apply(new ClaimFact.CustomerNotified(UUID.randomUUID(), at(6), at(100)))
                .apply(new ClaimFact.Activated(UUID.randomUUID(), at(100), List.of("TEAMS", "EXCHANGE_ONLINE")));

        Claim partly = active.apply(new ClaimFact.Superseded(UUID.randomUUID(), at(110), List.of("TEAMS")));
        assertThat(partly.status()).isEqualTo(ClaimStatus.ASSOCIATED);
        Claim gone = partly.apply(new ClaimFact.Superseded(UUID.randomUUID(), at(120), List.of("EXCHANGE_ONLINE")));
        assertThat(gone.status()).isEqualTo(ClaimStatus.REJECTED_FINAL);
        assertThat(gone.state().rejectionReasons()).extracting(ClaimFact.Reason::code)
                .containsExactly("SUPERSEDED_AFTER_REVIEW");
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static ClaimDetails details(String... workloads) {
        return new ClaimDetails("1000001", "Contoso Teams rollout",
                new ClaimDetails.Customer(UUID.randomUUID(), "contoso.onmicrosoft.com", "en",
                        new ClaimDetails.CustomerContact("Ana Souza", "CIO", "ana.souza@contoso.com")),
                new ClaimDetails.PartnerContact("Sam Partner", "sam@partner-one.example"), "MODERN_WORK_SECURITY",
                "OSU_M365", "USE_OR_CONSUME", List.of(workloads), null, null, null, null, true, false);
    }
}
