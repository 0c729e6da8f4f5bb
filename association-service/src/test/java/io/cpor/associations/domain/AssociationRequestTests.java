package io.cpor.associations.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of one association request, step by step, without any infrastructure. */
class AssociationRequestTests {

    private static final Instant APPROVED = Instant.parse("2026-11-20T18:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-12-02T08:00:00Z");
    private static final UUID NOTIFIED_EVENT = UUID.randomUUID();

    @Test
    void approvalAsksAboutReservedWorkloadsAndReportsTheOthers() {
        AssociationRequest request = opened(new WorkloadClaim("TEAMS", WorkloadClaim.Outcome.RESERVED),
                new WorkloadClaim("INTUNE", WorkloadClaim.Outcome.HELD_BY_ANOTHER_PARTNER));

        assertThat(request.status()).isEqualTo(AssociationStatus.RESERVED);
        assertThat(request.newEvents()).hasSize(2);
        assertThat(request.newEvents().get(0)).isInstanceOfSatisfying(AssociationEvent.Requested.class,
                requested -> assertThat(requested.workloads()).containsExactly("TEAMS"));
        assertThat(request.newEvents().get(1)).isInstanceOfSatisfying(AssociationEvent.Conflicted.class,
                conflicted -> assertThat(conflicted.conflicts()).extracting(WorkloadClaim::workload)
                        .containsExactly("INTUNE"));
        assertThat(request.reservedWorkloads()).containsExactly("TEAMS");
    }

    @Test
    void approvalWithNothingReservedAsksNobody() {
        AssociationRequest request = opened(new WorkloadClaim("TEAMS", WorkloadClaim.Outcome.ALREADY_ASSOCIATED));

        assertThat(request.status()).isEqualTo(AssociationStatus.CONFLICTED);
        assertThat(request.state().tokenHash()).isNull();
        assertThat(request.newEvents()).singleElement().isInstanceOf(AssociationEvent.Conflicted.class);
    }

    @Test
    void aContestedApprovalAsksNobodyUntilArbitratedAndHoldsWhatItReserved() {
        WorkloadClaim.Holder holder = new WorkloadClaim.Holder(UUID.randomUUID(), UUID.randomUUID(), "1000002");
        AssociationRequest request = opened(new WorkloadClaim("TEAMS", WorkloadClaim.Outcome.RESERVED),
                new WorkloadClaim("INTUNE", WorkloadClaim.Outcome.CONTESTED, holder));

        assertThat(request.status()).isEqualTo(AssociationStatus.CONTESTED);
        assertThat(request.status().holdsWorkloads()).isTrue();
        assertThat(request.state().tokenHash()).as("no link until the customer is asked").isNull();
        assertThat(request.newEvents()).singleElement().isInstanceOfSatisfying(AssociationEvent.Contested.class,
                contested -> assertThat(contested.contested()).singleElement()
                        .satisfies(workload -> assertThat(workload.holder()).isEqualTo(holder)));
    }

    @Test
    void keptByTheHolderTheContestedWorkloadConflictsAndTheRestIsAsked() {
        UUID decision = UUID.randomUUID();
        AssociationRequest kept = contested().arbitrated(decision, java.util.Map.of("INTUNE",
                WorkloadClaim.Outcome.HELD_BY_ANOTHER_PARTNER), "hash2", "https://cpor.example/decline/u", APPROVED,
                APPROVED.plus(Duration.ofDays(180)));

        assertThat(kept.status()).isEqualTo(AssociationStatus.RESERVED);
        assertThat(kept.state().tokenHash()).isEqualTo("hash2");
        assertThat(kept.newEvents()).hasSize(2);
        assertThat(kept.newEvents().get(0)).isInstanceOfSatisfying(AssociationEvent.Conflicted.class,
                conflicted -> assertThat(conflicted.conflicts()).extracting(WorkloadClaim::workload)
                        .containsExactly("INTUNE"));
        assertThat(kept.newEvents().get(1)).isInstanceOfSatisfying(AssociationEvent.Requested.class,
                requested -> assertThat(requested.workloads()).containsExactly("TEAMS"));
        assertThat(kept.arbitrated(decision, java.util.Map.of(), "h", "u", APPROVED, APPROVED)).isSameAs(kept);
    }

    @Test
    void awardedToTheClaimantEverythingIsAskedAndTheHolderLosesWhatItHeld() {
        AssociationRequest awarded = contested().arbitrated(UUID.randomUUID(), java.util.Map.of("INTUNE",
                WorkloadClaim.Outcome.RESERVED), "hash2", "https://cpor.example/decline/u", APPROVED,
                APPROVED.plus(Duration.ofDays(180)));
        assertThat(awarded.newEvents()).singleElement().isInstanceOfSatisfying(AssociationEvent.Requested.class,
                requested -> assertThat(requested.workloads()).containsExactly("TEAMS", "INTUNE"));

        UUID decision = UUID.randomUUID();
        AssociationRequest holder = opened(new WorkloadClaim("TEAMS", WorkloadClaim.Outcome.RESERVED),
                new WorkloadClaim("INTUNE", WorkloadClaim.Outcome.RESERVED)).stored(1)
                .notified(NOTIFIED_EVENT, APPROVED.plusSeconds(30), DEADLINE, APPROVED.plusSeconds(31)).stored(2);
        AssociationRequest partly = holder.superseded(decision, List.of("INTUNE"), DEADLINE.minusSeconds(5));
        assertThat(partly.status()).isEqualTo(AssociationStatus.AWAITING_CUSTOMER);
        assertThat(partly.reservedWorkloads()).containsExactly("TEAMS");
        assertThat(partly.newEvents()).singleElement().isInstanceOfSatisfying(AssociationEvent.Superseded.class,
                superseded -> assertThat(superseded.workloads()).containsExactly("INTUNE"));
        AssociationRequest gone = partly.superseded(decision, List.of("TEAMS", "INTUNE"), DEADLINE.minusSeconds(4));
        assertThat(gone.status()).isEqualTo(AssociationStatus.SUPERSEDED);
        assertThat(gone.status().holdsWorkloads()).isFalse();
        assertThat(gone.superseded(decision, List.of("TEAMS"), DEADLINE)).as("delivered again").isSameAs(gone);
    }

    @Test
    void aWithdrawalEndsAnArbitrationUnderWay() {
        assertThat(contested().withdrawn(APPROVED.plusSeconds(5)).status()).isEqualTo(AssociationStatus.WITHDRAWN);
    }

    private static AssociationRequest contested() {
        return opened(new WorkloadClaim("TEAMS", WorkloadClaim.Outcome.RESERVED), new WorkloadClaim("INTUNE",
                WorkloadClaim.Outcome.CONTESTED, new WorkloadClaim.Holder(UUID.randomUUID(), UUID.randomUUID(),
                        "1000002")));
    }

    @Test
    void timerDoesNothingBeforeTheDeadlineAndActivatesAtIt() {
        AssociationRequest waiting = waiting();

        assertThat(waiting.activated(DEADLINE.minusMillis(1))).isSameAs(waiting);
        AssociationRequest active = waiting.activated(DEADLINE);

        assertThat(active.status()).isEqualTo(AssociationStatus.ACTIVE);
        assertThat(active.state().activatedAt()).isEqualTo(DEADLINE);
        assertThat(active.newEvents()).singleElement().isInstanceOfSatisfying(AssociationEvent.Activated.class,
                activated -> assertThat(activated.causationId()).isEqualTo(NOTIFIED_EVENT));
        assertThat(active.activated(DEADLINE.plusSeconds(5))).isSameAs(active);
    }

    @Test
    void thePartnerEndsAWaitingOrActiveAssociationOnceAndNothingElse() {
        AssociationRequest waiting = waiting();
        AssociationRequest ended = waiting.disassociated("Customer moved on", DEADLINE.minusSeconds(60));

        assertThat(ended.status()).isEqualTo(AssociationStatus.DISASSOCIATED);
        assertThat(ended.status().holdsWorkloads()).isFalse();
        assertThat(ended.reservedWorkloads()).containsExactly("TEAMS");
        assertThat(ended.newEvents()).singleElement().isInstanceOfSatisfying(AssociationEvent.Disassociated.class,
                event -> assertThat(event.reason()).isEqualTo("Customer moved on"));
        assertThat(ended.disassociated("again", DEADLINE)).isSameAs(ended);
        assertThat(waiting.activated(DEADLINE).disassociated("later", DEADLINE.plusSeconds(1)).status())
                .isEqualTo(AssociationStatus.DISASSOCIATED);
        AssociationRequest declined = waiting.declined(DEADLINE.minusSeconds(1), DEADLINE.minusSeconds(1));
        assertThatThrownBy(() -> declined.disassociated("too late", DEADLINE))
                .isInstanceOf(NotOpenException.class);
    }

    @Test
    void declineBeforeTheDeadlineDeclines() {
        AssociationRequest declined = waiting().declined(DEADLINE.minusSeconds(1), DEADLINE.minusSeconds(1));

        assertThat(declined.status()).isEqualTo(AssociationStatus.DECLINED);
        assertThat(declined.newEvents()).singleElement().isInstanceOfSatisfying(AssociationEvent.Declined.class,
                event -> assertThat(event.activationReversed()).isFalse());
        assertThat(declined.declined(DEADLINE, DEADLINE)).isSameAs(declined);
    }

    @Test
    void declineClickedBeforeTheDeadlineReversesAnActivationProcessedFirst() {
        AssociationRequest active = waiting().activated(DEADLINE).stored(3);

        AssociationRequest declined = active.declined(DEADLINE.minusMillis(1), DEADLINE.plusMillis(20));

        assertThat(declined.status()).isEqualTo(AssociationStatus.DECLINED);
        assertThat(declined.state().activationReversed()).isTrue();
        assertThat(declined.newEvents()).singleElement().isInstanceOfSatisfying(AssociationEvent.Declined.class,
                event -> {
                    assertThat(event.activationReversed()).isTrue();
                    assertThat(event.declinedAt()).isEqualTo(DEADLINE.minusMillis(1));
                });
    }

    @Test
    void clickAtOrAfterTheDeadlineRemovesTheAssociation() {
        AssociationRequest active = waiting().activated(DEADLINE).stored(3);

        AssociationRequest removed = active.declined(DEADLINE, DEADLINE.plusSeconds(1));

        assertThat(removed.status()).isEqualTo(AssociationStatus.REMOVED);
        assertThat(removed.newEvents()).singleElement().isInstanceOf(AssociationEvent.Removed.class);
    }

    @Test
    void clickAfterTheDeadlineBeforeTheTimerFiredRecordsActivationThenRemoval() {
        AssociationRequest removed = waiting().declined(DEADLINE.plusSeconds(1), DEADLINE.plusSeconds(1));

        assertThat(removed.status()).isEqualTo(AssociationStatus.REMOVED);
        assertThat(removed.newEvents()).hasSize(2).first().isInstanceOf(AssociationEvent.Activated.class);
        assertThat(removed.state().activatedAt()).isEqualTo(DEADLINE);
    }

    @Test
    void declineBeforeTheNotificationArrivedDeclines() {
        AssociationRequest declined = opened(new WorkloadClaim("TEAMS", WorkloadClaim.Outcome.RESERVED)).stored(1)
                .declined(APPROVED.plusSeconds(60), APPROVED.plusSeconds(60));

        assertThat(declined.status()).isEqualTo(AssociationStatus.DECLINED);
        assertThat(declined.notified(UUID.randomUUID(), APPROVED, DEADLINE, APPROVED).status())
                .isEqualTo(AssociationStatus.DECLINED);
    }

    @Test
    void withdrawalReleasesUntilActive() {
        assertThat(waiting().withdrawn(APPROVED.plusSeconds(5)).status()).isEqualTo(AssociationStatus.WITHDRAWN);
        AssociationRequest active = waiting().activated(DEADLINE);
        assertThat(active.withdrawn(DEADLINE.plusSeconds(5))).isSameAs(active);
    }

    @Test
    void nothingToDeclineOnceWithdrawnOrAfterTheLinkExpired() {
        AssociationRequest withdrawn = waiting().withdrawn(APPROVED.plusSeconds(5));
        assertThatThrownBy(() -> withdrawn.declined(APPROVED.plusSeconds(10), APPROVED.plusSeconds(10)))
                .isInstanceOf(NotOpenException.class);

        Instant expiry = APPROVED.plus(Duration.ofDays(180));
        AssociationRequest active = waiting().activated(DEADLINE);
        assertThat(active.linkExpired(expiry.minusMillis(1))).isFalse();
        assertThatThrownBy(() -> active.declined(expiry, expiry)).isInstanceOf(NotOpenException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void replayedStepsEmitTheSameEventIds() {
        AssociationRequest first = waiting().activated(DEADLINE);
        AssociationRequest replay = waiting().activated(DEADLINE.plusSeconds(3));

        assertThat(replay.newEvents().get(0).eventId()).isEqualTo(first.newEvents().get(0).eventId());
    }

    private static AssociationRequest waiting() {
        return opened(new WorkloadClaim("TEAMS", WorkloadClaim.Outcome.RESERVED)).stored(1)
                .notified(NOTIFIED_EVENT, APPROVED.plusSeconds(30), DEADLINE, APPROVED.plusSeconds(31)).stored(2);
    }

    private static AssociationRequest opened(WorkloadClaim... workloads) {
        return AssociationRequest.opened(CLAIM, List.of(workloads), "hash", "https://cpor.example/decline/t",
                APPROVED, APPROVED.plus(Duration.ofDays(180)));
    }

    private static final ApprovedClaim CLAIM = new ApprovedClaim(UUID.randomUUID(), UUID.randomUUID(), APPROVED,
            "1000001", new ApprovedClaim.Contact("Sam", "sam@partner.example"), "Teams rollout", UUID.randomUUID(),
            "contoso.onmicrosoft.com", new ApprovedClaim.Contact("Ana", "ana@contoso.example"), "CIO", "en",
            "MODERN_WORK_SECURITY", "OSU_M365", List.of("TEAMS", "INTUNE"), null);
}
