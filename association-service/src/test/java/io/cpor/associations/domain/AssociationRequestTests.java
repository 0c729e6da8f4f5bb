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
