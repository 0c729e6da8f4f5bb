package io.cpor.associations.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cpor.associations.Approvals;
import io.cpor.associations.AssociationServiceTest;
import io.cpor.associations.domain.AssociationRequest;
import io.cpor.associations.domain.AssociationStatus;
import io.cpor.associations.domain.AssociationStore;
import io.cpor.associations.domain.Associations;
import io.cpor.events.associations.AssociationActivated;
import io.cpor.events.associations.AssociationConflicted;
import io.cpor.events.associations.AssociationUncontested;
import io.cpor.events.outcomes.ArbitrationOutcome;
import io.cpor.events.associations.AssociationSuperseded;
import io.cpor.events.associations.AssociationContested;
import io.cpor.events.associations.AssociationDeclined;
import io.cpor.events.associations.AssociationRemoved;
import io.cpor.events.associations.AssociationRequested;
import io.cpor.events.associations.ConflictReason;
import io.cpor.events.outcomes.ClaimApproved;
import io.cpor.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** From approval to activation, decline, removal or withdrawal, against the real platform. */
class AssociationLifecycleIntegrationTests extends AssociationServiceTest {

    @Autowired
    private Associations associations;

    @Autowired
    private AssociationStore store;

    @Test
    void approvalReservesTheWorkloadsAndAsksTheCustomerOnce() {
        UUID tenant = UUID.randomUUID();
        ClaimApproved approved = Approvals.approved("1000001", tenant, "TEAMS", "EXCHANGE_ONLINE");
        topics().send(Topics.CLAIMS_OUTCOMES, approved.getMetadata().getClaimId().toString(), approved);

        AssociationRequested requested = approve(approved);

        assertThat(requested.getWorkloads()).containsExactly("TEAMS", "EXCHANGE_ONLINE");
        assertThat(requested.getRequestId()).isEqualTo(AssociationRequest.idFor(approved.getMetadata().getEventId()));
        assertThat(requested.getMetadata().getCausationId()).isEqualTo(approved.getMetadata().getEventId());
        assertThat(requested.getDeclineUrl()).matches("http://localhost:8084/decline/[A-Za-z0-9_-]{43}");
        assertThat(requested.getCustomer().getContact().getEmail()).isEqualTo("ana@contoso.example");
        assertThat(status(requested)).isEqualTo(AssociationStatus.RESERVED);
    }

    @Test
    void workloadHeldByAnotherPartnerIsContestedAndConflictsWithoutNamingItWhenTheHolderKeepsIt() {
        UUID tenant = UUID.randomUUID();
        ClaimApproved first = Approvals.approved("1000001", tenant, "TEAMS");
        AssociationRequested holder = approve(first);
        ClaimApproved second = Approvals.approved("1000002", "Northwind Traders", tenant, "en", "TEAMS", "INTUNE");
        ClaimApproved again = Approvals.approved("1000001", tenant, "TEAMS");

        topics().send(Topics.CLAIMS_OUTCOMES, second.getMetadata().getClaimId().toString(), second);
        AssociationContested contested = (AssociationContested) only(Topics.ASSOCIATIONS_EVENTS,
                second.getMetadata().getClaimId()).value();
        assertThat(contested.getContested()).singleElement().satisfies(workload -> {
            assertThat(workload.getWorkload()).isEqualTo("TEAMS");
            assertThat(workload.getHolderRequestId()).isEqualTo(holder.getRequestId());
            assertThat(workload.getHolderClaimId()).isEqualTo(first.getMetadata().getClaimId());
        });
        assertThat(events(Topics.ASSOCIATIONS_REQUESTS, second.getMetadata().getClaimId(), e -> true, 0))
                .as("nobody is asked during arbitration").isEmpty();
        topics().send(Topics.CLAIMS_OUTCOMES, again.getMetadata().getClaimId().toString(), again);
        topics().send(Topics.CLAIMS_OUTCOMES, second.getMetadata().getClaimId().toString(),
                Approvals.arbitrated(second, ArbitrationOutcome.KEEP_HOLDER));

        AssociationRequested requested = (AssociationRequested) only(Topics.ASSOCIATIONS_REQUESTS,
                second.getMetadata().getClaimId()).value();
        assertThat(requested.getWorkloads()).containsExactly("INTUNE");
        AssociationConflicted conflicted = (AssociationConflicted) events(Topics.ASSOCIATIONS_EVENTS,
                second.getMetadata().getClaimId(), e -> e instanceof AssociationConflicted, 1).get(0).value();
        assertThat(conflicted.getConflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.getWorkload()).isEqualTo("TEAMS");
            assertThat(conflict.getReason()).isEqualTo(ConflictReason.WORKLOAD_HELD_BY_ANOTHER_PARTNER);
        });
        assertThat(conflicted.toString()).doesNotContain("1000001").doesNotContain("Fabrikam");
        AssociationConflicted own = (AssociationConflicted) only(Topics.ASSOCIATIONS_EVENTS,
                again.getMetadata().getClaimId()).value();
        assertThat(own.getConflicts()).singleElement().extracting(c -> c.getReason())
                .isEqualTo(ConflictReason.ALREADY_ASSOCIATED);
        assertThat(events(Topics.ASSOCIATIONS_REQUESTS, again.getMetadata().getClaimId(), e -> true, 0)).isEmpty();
    }

    @Test
    void partnersApprovedAtTheSameMomentGetOneReservation() throws Exception {
        UUID tenant = UUID.randomUUID();
        List<AssociationRequest> requests = atOnce(IntStream.range(0, 8)
                .mapToObj(i -> Approvals.approved(String.valueOf(2000000 + i), tenant, "COPILOT")).toList());

        assertThat(requests).filteredOn(request -> request.status() == AssociationStatus.RESERVED).hasSize(1);
        assertThat(requests).filteredOn(request -> request.status() == AssociationStatus.CONFLICTED
                || request.status() == AssociationStatus.CONTESTED).as("the others refused or arbitrated").hasSize(7);
    }

    /** The approvals handled at the same moment, each on a thread of its own. */
    private List<AssociationRequest> atOnce(List<ClaimApproved> approved) throws Exception {
        List<Callable<AssociationRequest>> approvals = approved.stream()
                .map(one -> (Callable<AssociationRequest>) () -> associations.approve(AssociationRecords.approved(one))
                        .block(TIMEOUT))
                .toList();
        var pool = Executors.newFixedThreadPool(approvals.size());
        try {
            return pool.invokeAll(approvals).stream().map(AssociationLifecycleIntegrationTests::get).toList();
        }
        finally {
            pool.shutdown();
        }
    }

    @Test
    void partnersApprovedAtTheSameMomentForOneSubscriptionGetOneReservationWhateverTheirWorkloads()
            throws Exception {
        UUID tenant = UUID.randomUUID();
        String subscription = UUID.randomUUID().toString();
        List<String> workloads = List.of("DYNAMICS_365_SALES", "POWER_BI", "POWER_APPS", "DYNAMICS_365_FINANCE");
        List<AssociationRequest> requests = atOnce(IntStream.range(0, 8)
                .mapToObj(i -> Approvals.approvedForSubscription(String.valueOf(2100000 + i), tenant, subscription,
                        workloads.get(i % workloads.size()))).toList());

        assertThat(requests).filteredOn(request -> request.status() == AssociationStatus.RESERVED).hasSize(1);
        assertThat(requests).filteredOn(request -> request.status() == AssociationStatus.CONFLICTED
                || request.status() == AssociationStatus.CONTESTED).as("the others refused or arbitrated").hasSize(7);
    }

    @Test
    void aSubscriptionIsHeldForEveryWorkloadAndReleasedWithTheRequest() {
        UUID tenant = UUID.randomUUID();
        String subscription = UUID.randomUUID().toString();
        ClaimApproved first = Approvals.approvedForSubscription("1000001", tenant, subscription,
                "DYNAMICS_365_SALES", "POWER_BI");
        approve(first);
        ClaimApproved other = Approvals.approvedForSubscription("1000002", tenant, subscription, "POWER_APPS");
        topics().send(Topics.CLAIMS_OUTCOMES, other.getMetadata().getClaimId().toString(), other);
        AssociationContested contested = (AssociationContested) only(Topics.ASSOCIATIONS_EVENTS,
                other.getMetadata().getClaimId()).value();
        assertThat(contested.getContested()).singleElement().satisfies(workload -> assertThat(workload.getWorkload())
                .as("another workload of the held subscription").isEqualTo("POWER_APPS"));
        ClaimApproved elsewhere = Approvals.approvedForSubscription("1000002", tenant, UUID.randomUUID().toString(),
                "DYNAMICS_365_SALES");
        assertThat(approve(elsewhere).getWorkloads()).as("another subscription of the tenant is free")
                .containsExactly("DYNAMICS_365_SALES");

        topics().send(Topics.CLAIMS_SUBMITTED, first.getMetadata().getClaimId().toString(),
                Approvals.withdrawn(first.getMetadata().getClaimId(), "1000001", tenant));
        AssociationRequested freed = (AssociationRequested) only(Topics.ASSOCIATIONS_REQUESTS,
                other.getMetadata().getClaimId()).value();
        assertThat(freed.getWorkloads()).as("the contesting claim gets it once the holder withdrew")
                .containsExactly("POWER_APPS");
        assertThat(store.findByClaim(first.getMetadata().getClaimId()).map(AssociationRequest::status)
                .block(TIMEOUT)).isEqualTo(AssociationStatus.WITHDRAWN);
    }

    @Test
    void awardedToTheClaimantTheHolderLosesEveryWorkloadOfTheSubscriptionAndTheClaimantIsAsked() {
        UUID tenant = UUID.randomUUID();
        String subscription = UUID.randomUUID().toString();
        ClaimApproved first = Approvals.approvedForSubscription("1000001", tenant, subscription,
                "DYNAMICS_365_SALES", "POWER_BI");
        AssociationRequested holder = approve(first);
        ClaimApproved second = Approvals.approvedForSubscription("1000002", tenant, subscription, "POWER_APPS");
        topics().send(Topics.CLAIMS_OUTCOMES, second.getMetadata().getClaimId().toString(), second);
        only(Topics.ASSOCIATIONS_EVENTS, second.getMetadata().getClaimId());

        var decided = Approvals.arbitrated(second, ArbitrationOutcome.AWARD_TO_CLAIMANT);
        topics().send(Topics.CLAIMS_OUTCOMES, second.getMetadata().getClaimId().toString(), decided);
        topics().send(Topics.CLAIMS_OUTCOMES, second.getMetadata().getClaimId().toString(), decided);

        AssociationSuperseded superseded = (AssociationSuperseded) events(Topics.ASSOCIATIONS_EVENTS,
                first.getMetadata().getClaimId(), e -> e instanceof AssociationSuperseded, 1).get(0).value();
        assertThat(superseded.getRequestId()).isEqualTo(holder.getRequestId());
        assertThat(superseded.getWorkloads()).containsExactly("DYNAMICS_365_SALES", "POWER_BI");
        assertThat(superseded.getReason()).isEqualTo("SUPERSEDED_AFTER_REVIEW");
        assertThat(superseded.toString()).doesNotContain("1000002");
        AssociationRequested requested = (AssociationRequested) only(Topics.ASSOCIATIONS_REQUESTS,
                second.getMetadata().getClaimId()).value();
        assertThat(requested.getWorkloads()).containsExactly("POWER_APPS");
        assertThat(status(holder)).isEqualTo(AssociationStatus.SUPERSEDED);
        assertThat(status(requested)).isEqualTo(AssociationStatus.RESERVED);
    }

    @Test
    void aHolderThatLetsGoDuringTheArbitrationEndsItAndTheClaimantIsAsked() {
        UUID tenant = UUID.randomUUID();
        ClaimApproved first = Approvals.approved("1000001", tenant, "PURVIEW");
        approve(first);
        ClaimApproved second = Approvals.approved("1000002", tenant, "PURVIEW");
        topics().send(Topics.CLAIMS_OUTCOMES, second.getMetadata().getClaimId().toString(), second);
        only(Topics.ASSOCIATIONS_EVENTS, second.getMetadata().getClaimId());

        topics().send(Topics.CLAIMS_SUBMITTED, first.getMetadata().getClaimId().toString(),
                Approvals.withdrawn(first.getMetadata().getClaimId(), "1000001", tenant));

        AssociationRequested requested = (AssociationRequested) only(Topics.ASSOCIATIONS_REQUESTS,
                second.getMetadata().getClaimId()).value();
        assertThat(requested.getWorkloads()).containsExactly("PURVIEW");
        assertThat(events(Topics.ASSOCIATIONS_EVENTS, second.getMetadata().getClaimId(),
                e -> e instanceof AssociationUncontested, 1)).hasSize(1);
        topics().send(Topics.CLAIMS_OUTCOMES, second.getMetadata().getClaimId().toString(),
                Approvals.arbitrated(second, ArbitrationOutcome.KEEP_HOLDER));
        assertThat(events(Topics.ASSOCIATIONS_REQUESTS, second.getMetadata().getClaimId(), e -> true, 1))
                .as("a decision after the arbitration ended changes nothing").hasSize(1);
        assertThat(status(requested)).isEqualTo(AssociationStatus.RESERVED);
    }

    @Test
    void noActivationASecondBeforeTheDeadlineAndActivationAtIt() {
        AssociationRequested requested = approve(Approvals.approved("1000001", UUID.randomUUID(), "ONEDRIVE"));
        Instant declineBy = clock.instant().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        notify(requested, declineBy);
        await().atMost(TIMEOUT).until(() -> status(requested) == AssociationStatus.AWAITING_CUSTOMER);

        clock.setTo(declineBy.minusSeconds(1));
        await().pollDelay(Duration.ofMillis(800)).atMost(TIMEOUT).until(() -> true);
        assertThat(status(requested)).isEqualTo(AssociationStatus.AWAITING_CUSTOMER);

        clock.setTo(declineBy);
        AssociationActivated activated = (AssociationActivated) only(Topics.ASSOCIATIONS_EVENTS,
                requested.getMetadata().getClaimId()).value();
        assertThat(activated.getActivatedAt()).isEqualTo(declineBy);
        assertThat(activated.getWorkloads()).containsExactly("ONEDRIVE");
        assertThat(activated.getRequestId()).isEqualTo(requested.getRequestId());
        assertThat(status(requested)).isEqualTo(AssociationStatus.ACTIVE);
    }

    @Test
    void declineBeforeTheDeadlineReleasesTheWorkloads() {
        UUID tenant = UUID.randomUUID();
        AssociationRequested requested = approve(Approvals.approved("1000001", tenant, "PURVIEW"));
        Instant declineBy = clock.instant().plus(Duration.ofDays(7));
        notify(requested, declineBy);
        await().atMost(TIMEOUT).until(() -> status(requested) == AssociationStatus.AWAITING_CUSTOMER);

        associations.decline(tokenOf(requested), clock.instant()).block(TIMEOUT);

        AssociationDeclined declined = (AssociationDeclined) only(Topics.ASSOCIATIONS_EVENTS,
                requested.getMetadata().getClaimId()).value();
        assertThat(declined.getActivationReversed()).isFalse();
        assertThat(declined.getWorkloads()).containsExactly("PURVIEW");
        AssociationRequested next = approve(Approvals.approved("1000002", tenant, "PURVIEW"));
        assertThat(next.getWorkloads()).containsExactly("PURVIEW");
        clock.setTo(declineBy.plusSeconds(1));
        await().pollDelay(Duration.ofMillis(800)).atMost(TIMEOUT).until(() -> true);
        assertThat(status(requested)).isEqualTo(AssociationStatus.DECLINED);
    }

    @Test
    void declineClickedBeforeTheDeadlineWinsOverTheTimerThatFiredFirst() {
        AssociationRequested requested = approve(Approvals.approved("1000001", UUID.randomUUID(), "INTUNE"));
        Instant declineBy = clock.instant().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MILLIS);
        notify(requested, declineBy);
        await().atMost(TIMEOUT).until(() -> status(requested) == AssociationStatus.AWAITING_CUSTOMER);
        clock.setTo(declineBy.plusMillis(5));
        await().atMost(TIMEOUT).until(() -> status(requested) == AssociationStatus.ACTIVE);

        // The click arrived a moment before the deadline; its processing came after the timer's.
        associations.decline(tokenOf(requested), declineBy.minusMillis(1)).block(TIMEOUT);

        List<Object> events = events(Topics.ASSOCIATIONS_EVENTS, requested.getMetadata().getClaimId(), e -> true, 2)
                .stream().map(record -> record.value()).toList();
        assertThat(events).hasSize(2).first().isInstanceOf(AssociationActivated.class);
        AssociationDeclined declined = (AssociationDeclined) events.get(1);
        assertThat(declined.getActivationReversed()).isTrue();
        assertThat(declined.getDeclinedAt()).isEqualTo(declineBy.minusMillis(1));
        assertThat(status(requested)).isEqualTo(AssociationStatus.DECLINED);
    }

    @Test
    void customerEndsAnActiveAssociation() {
        UUID tenant = UUID.randomUUID();
        AssociationRequested requested = approve(Approvals.approved("1000001", tenant, "DEFENDER_FOR_ENDPOINT"));
        Instant declineBy = clock.instant().plus(Duration.ofDays(5));
        notify(requested, declineBy);
        await().atMost(TIMEOUT).until(() -> status(requested) == AssociationStatus.AWAITING_CUSTOMER);
        clock.setTo(declineBy.plus(Duration.ofDays(30)));
        await().atMost(TIMEOUT).until(() -> status(requested) == AssociationStatus.ACTIVE);

        associations.decline(tokenOf(requested), clock.instant()).block(TIMEOUT);

        AssociationRemoved removed = (AssociationRemoved) events(Topics.ASSOCIATIONS_EVENTS,
                requested.getMetadata().getClaimId(), e -> e instanceof AssociationRemoved, 1).get(0).value();
        assertThat(removed.getWorkloads()).containsExactly("DEFENDER_FOR_ENDPOINT");
        assertThat(status(requested)).isEqualTo(AssociationStatus.REMOVED);
        assertThat(approve(Approvals.approved("1000002", tenant, "DEFENDER_FOR_ENDPOINT")).getWorkloads())
                .containsExactly("DEFENDER_FOR_ENDPOINT");
    }

    @Test
    void withdrawalBeforeActivationReleasesAndStopsTheTimer() {
        UUID tenant = UUID.randomUUID();
        ClaimApproved approved = Approvals.approved("1000001", tenant, "MICROSOFT_365_APPS");
        AssociationRequested requested = approve(approved);
        Instant declineBy = clock.instant().plus(Duration.ofDays(5));
        notify(requested, declineBy);
        await().atMost(TIMEOUT).until(() -> status(requested) == AssociationStatus.AWAITING_CUSTOMER);

        var withdrawn = Approvals.withdrawn(approved.getMetadata().getClaimId(), "1000001", tenant);
        topics().send(Topics.CLAIMS_SUBMITTED, approved.getMetadata().getClaimId().toString(), withdrawn);

        await().atMost(TIMEOUT).until(() -> status(requested) == AssociationStatus.WITHDRAWN);
        clock.setTo(declineBy.plusSeconds(5));
        await().pollDelay(Duration.ofMillis(800)).atMost(TIMEOUT).until(() -> true);
        assertThat(status(requested)).isEqualTo(AssociationStatus.WITHDRAWN);
        assertThat(events(Topics.ASSOCIATIONS_EVENTS, approved.getMetadata().getClaimId(), e -> true, 0)).isEmpty();
        assertThat(approve(Approvals.approved("1000002", tenant, "MICROSOFT_365_APPS")).getWorkloads())
                .containsExactly("MICROSOFT_365_APPS");
    }

    @Test
    void approvalArrivingAfterItsWithdrawalReservesNothing() {
        UUID tenant = UUID.randomUUID();
        ClaimApproved approved = Approvals.approved("1000001", tenant, "SHAREPOINT_ONLINE");
        var withdrawn = Approvals.withdrawn(approved.getMetadata().getClaimId(), "1000001", tenant);
        topics().send(Topics.CLAIMS_SUBMITTED, approved.getMetadata().getClaimId().toString(), withdrawn);
        await().atMost(TIMEOUT).until(() -> Boolean.TRUE.equals(store.wasWithdrawn(
                approved.getMetadata().getClaimId()).block()));

        topics().send(Topics.CLAIMS_OUTCOMES, approved.getMetadata().getClaimId().toString(), approved);

        assertThat(approve(Approvals.approved("1000002", tenant, "SHAREPOINT_ONLINE")).getWorkloads())
                .containsExactly("SHAREPOINT_ONLINE");
        assertThat(events(Topics.ASSOCIATIONS_REQUESTS, approved.getMetadata().getClaimId(), e -> true, 0))
                .isEmpty();
    }

    @Test
    void sameApprovalDeliveredTwiceOpensOneRequest() {
        ClaimApproved approved = Approvals.approved("1000001", UUID.randomUUID(), "TEAMS");
        topics().send(Topics.CLAIMS_OUTCOMES, approved.getMetadata().getClaimId().toString(), approved);

        AssociationRequested requested = approve(approved);

        assertThat(requested.getWorkloads()).containsExactly("TEAMS");
        assertThat(events(Topics.ASSOCIATIONS_EVENTS, approved.getMetadata().getClaimId(), e -> true, 0)).isEmpty();
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String key = "poison-" + UUID.randomUUID();
        topics().sendBytes(Topics.CLAIMS_OUTCOMES, key, "not avro".getBytes(StandardCharsets.UTF_8));

        AssociationRequested after = approve(Approvals.approved("1000001", UUID.randomUUID(), "TEAMS"));

        assertThat(after.getWorkloads()).containsExactly("TEAMS");
        assertThat(topics().readBytes(Topics.CLAIMS_OUTCOMES + Topics.DEAD_LETTER_SUFFIX,
                record -> key.equals(record.key()), 1, Duration.ZERO, TIMEOUT)).hasSize(1);
    }

    @Test
    void aCustomerNotifiedThatCutsTheDeclineWindowShortOrComesFromTheFutureIsDeadLettered() {
        AssociationRequested requested = approve(Approvals.approved("1000001", UUID.randomUUID(), "COPILOT"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String tenant = requested.getCustomer().getTenantId().toString();
        // The window here is an hour (cpor.decline-window in the tests): a minute would activate before the customer
        // could answer; a mail "sent" tomorrow would push the window's start out of reach.
        var short1 = Approvals.notified(requested.getMetadata().getClaimId(), requested.getRequestId(),
                requested.getCustomer().getTenantId(), requested.getMetadata().getEventId(), now,
                now.plus(Duration.ofMinutes(1)));
        var future = Approvals.notified(requested.getMetadata().getClaimId(), requested.getRequestId(),
                requested.getCustomer().getTenantId(), requested.getMetadata().getEventId(),
                now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));

        topics().send(Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED, tenant, short1);
        topics().send(Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED, tenant, future);

        var dead = topics().readBytes(Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED + Topics.DEAD_LETTER_SUFFIX,
                record -> tenant.equals(record.key()), 2, Duration.ZERO, TIMEOUT);
        assertThat(dead).extracting(record -> new String(record.headers().lastHeader(
                org.springframework.kafka.support.KafkaHeaders.DLT_EXCEPTION_MESSAGE).value(), StandardCharsets.UTF_8))
                .anyMatch(message -> message.contains("earlier than the decline window"))
                .anyMatch(message -> message.contains("in the future"));
        assertThat(status(requested)).isEqualTo(AssociationStatus.RESERVED);
    }

    private AssociationStatus status(AssociationRequested requested) {
        return associations.forLink(tokenOf(requested)).map(AssociationRequest::status).block(TIMEOUT);
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
