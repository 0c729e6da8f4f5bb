package io.cpor.associations.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cpor.associations.Approvals;
import io.cpor.associations.AssociationServiceApplication;
import io.cpor.associations.domain.AssociationRequest;
import io.cpor.associations.domain.AssociationStatus;
import io.cpor.associations.domain.Associations;
import io.cpor.associations.domain.TimerShards;
import io.cpor.events.associations.AssociationActivated;
import io.cpor.events.associations.AssociationRequested;
import io.cpor.events.outcomes.ClaimApproved;
import io.cpor.local.Endpoints;
import io.cpor.local.testing.MutableClock;
import io.cpor.local.testing.SharedPlatform;
import io.cpor.local.testing.TopicProbe;
import io.cpor.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Whole service instances started and stopped by the test, on one database and one consumer group, sharing a clock
 * the test moves: timers fire once however many instances look, and fire after a restart however overdue.
 */
class TimerInstancesIntegrationTests {

    private static final Endpoints PLATFORM = SharedPlatform.endpoints();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final int PARTITIONS = 6;

    private final MutableClock clock = new MutableClock();
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();
    private final String database = "associations-timers-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void stopInstances() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoInstancesFireEachDueTimerOnce() {
        ConfigurableApplicationContext first = start();
        ConfigurableApplicationContext second = start();
        Instant declineBy = clock.instant().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MILLIS);
        List<AssociationRequested> requests = awaiting(first, 20, declineBy);

        clock.setTo(declineBy.plusSeconds(1));

        Map<UUID, Long> activations = activations(requests, 20);
        assertThat(activations).hasSize(20).allSatisfy((claim, count) -> assertThat(count).isEqualTo(1));
        // Each instance counts only the activations it won; the counter moves once its look at the timers ends.
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(fired(first) + fired(second)).isEqualTo(20));
        assertThat(statuses(first, requests)).containsOnly(AssociationStatus.ACTIVE);
    }

    @Test
    void timersPendingAndOverdueAcrossARestartFireOnce() {
        ConfigurableApplicationContext before = start();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<AssociationRequested> soon = awaiting(before, 3, now.plus(Duration.ofHours(1)));
        List<AssociationRequested> later = awaiting(before, 3, now.plus(Duration.ofHours(3)));
        before.close();
        running.remove(before);

        clock.setTo(now.plus(Duration.ofHours(2)));
        ConfigurableApplicationContext after = start();

        assertThat(activations(soon, 3)).hasSize(3).allSatisfy((claim, count) -> assertThat(count).isEqualTo(1));
        assertThat(statuses(after, later)).containsOnly(AssociationStatus.AWAITING_CUSTOMER);
        clock.setTo(now.plus(Duration.ofHours(4)));
        assertThat(activations(later, 3)).hasSize(3).allSatisfy((claim, count) -> assertThat(count).isEqualTo(1));
        assertThat(activations(soon, 3)).allSatisfy((claim, count) -> assertThat(count).isEqualTo(1));
    }

    @Test
    void twoInstancesHoldDisjointShardsThatCoverEveryPartition() {
        TimerShards first = start().getBean(TimerShards.class);
        TimerShards second = start().getBean(TimerShards.class);

        await().atMost(TIMEOUT).untilAsserted(() -> {
            Set<Integer> both = new java.util.HashSet<>(first.owned());
            both.addAll(second.owned());
            assertThat(both).hasSize(first.owned().size() + second.owned().size()).hasSize(PARTITIONS);
            assertThat(first.owned()).isNotEmpty();
            assertThat(second.owned()).isNotEmpty();
        });
    }

    @Test
    void aTimerOfAShardNobodyHoldsFiresOnceItIsOverdueByTheGrace() {
        // The worker looks once at startup and then not for an hour: the test fires the timers itself.
        ConfigurableApplicationContext instance = start(Map.of("cpor.associations.timer-interval", "PT1H"));
        Instant declineBy = clock.instant().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MILLIS);
        AssociationRequested requested = awaiting(instance, 1, declineBy).get(0);
        moveToUnheldShard(instance, List.of(requested));
        Associations associations = instance.getBean(Associations.class);
        Set<Integer> owned = instance.getBean(TimerShards.class).owned();

        clock.setTo(declineBy.plusSeconds(1));
        Associations.Fired onTime = associations.fireDueTimers(owned, 10).block(TIMEOUT);
        clock.setTo(declineBy.plus(GRACE).plusSeconds(1));
        Associations.Fired overdue = associations.fireDueTimers(owned, 10).block(TIMEOUT);
        Associations.Fired again = associations.fireDueTimers(owned, 10).block(TIMEOUT);

        assertThat(onTime).as("left to the shard's holder within the grace").isEqualTo(new Associations.Fired(0, 0,
                false));
        assertThat(overdue).isEqualTo(new Associations.Fired(1, 1, false));
        assertThat(again).as("fired requests are no longer due").isEqualTo(new Associations.Fired(0, 0, false));
        assertThat(statuses(instance, List.of(requested))).containsOnly(AssociationStatus.ACTIVE);
    }

    @Test
    void twoInstancesRacingForTheSameOverdueTimersFireEachOnce() {
        ConfigurableApplicationContext first = start();
        ConfigurableApplicationContext second = start();
        Instant declineBy = clock.instant().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MILLIS);
        List<AssociationRequested> requests = awaiting(first, 30, declineBy);
        // Nobody holds their shard: both instances take them all as overdue, at the same looks.
        moveToUnheldShard(first, requests);

        clock.setTo(declineBy.plus(GRACE).plusSeconds(1));

        assertThat(activations(requests, 30)).hasSize(30).allSatisfy((claim, count) -> assertThat(count)
                .isEqualTo(1));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(fired(first) + fired(second)).isEqualTo(30));
        assertThat(statuses(first, requests)).containsOnly(AssociationStatus.ACTIVE);
    }

    @Test
    void aRequestWaitingFromBeforeTimersLivedInRequestsFiresAfterTheUpgrade() {
        ConfigurableApplicationContext before = start();
        Instant declineBy = clock.instant().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MILLIS);
        List<AssociationRequested> requests = awaiting(before, 2, declineBy);
        // As an older release stored them: no timer fields in the requests, a document each in `timers`.
        ReactiveMongoTemplate mongo = before.getBean(ReactiveMongoTemplate.class);
        for (AssociationRequested requested : requests) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(requested.getRequestId().toString())),
                    new Update().unset("timerDueAt").unset("timerShard"), "associations").block(TIMEOUT);
            mongo.insert(new org.bson.Document("_id", requested.getRequestId().toString())
                    .append("dueAt", java.util.Date.from(declineBy)), "timers").block(TIMEOUT);
        }
        before.close();
        running.remove(before);

        ConfigurableApplicationContext after = start();
        clock.setTo(declineBy.plusSeconds(1));

        assertThat(activations(requests, 2)).hasSize(2).allSatisfy((claim, count) -> assertThat(count).isEqualTo(1));
        assertThat(after.getBean(ReactiveMongoTemplate.class).collectionExists("timers").block(TIMEOUT)).isFalse();
    }

    /** Gives the requests' timers a shard no instance holds. */
    private static void moveToUnheldShard(ConfigurableApplicationContext instance, List<AssociationRequested> requests) {
        ReactiveMongoTemplate mongo = instance.getBean(ReactiveMongoTemplate.class);
        for (AssociationRequested requested : requests) {
            assertThat(mongo.updateFirst(Query.query(Criteria.where("_id").is(requested.getRequestId().toString())
                            .and("timerShard").exists(true)), new Update().set("timerShard", 99), "associations")
                    .block(TIMEOUT).getModifiedCount()).isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return start(Map.of());
    }

    private ConfigurableApplicationContext start(Map<String, String> overrides) {
        // As command-line arguments: above application.yml, as an operator's settings would be.
        Map<String, String> settings = new LinkedHashMap<>(PLATFORM.serviceProperties(database));
        settings.putAll(Map.of("server.port", "0", "cpor.decline-window", "PT1H",
                "cpor.associations.timer-interval", "PT0.1S",
                "cpor.associations.timer-batch", "4", "cpor.associations.timer-grace", "PT30S",
                "cpor.relay.sweep-interval", "PT1S",
                "logging.level.org.apache.kafka", "WARN", "logging.level.org.mongodb.driver", "WARN"));
        settings.putAll(overrides);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AssociationServiceApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        running.add(context);
        return context;
    }

    /** Approves {@code count} claims and tells the service each customer was notified, deadline as given. */
    private List<AssociationRequested> awaiting(ConfigurableApplicationContext instance, int count,
            Instant declineBy) {
        TopicProbe topics = new TopicProbe(PLATFORM);
        List<ClaimApproved> approvals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            approvals.add(Approvals.approved("1000001", UUID.randomUUID(), "TEAMS"));
        }
        topics.sendAll(Topics.CLAIMS_OUTCOMES, approvals.stream()
                .map(approved -> Map.entry(approved.getMetadata().getClaimId().toString(), (Object) approved))
                .toList());
        Set<UUID> claims = approvals.stream().map(approved -> approved.getMetadata().getClaimId())
                .collect(Collectors.toSet());
        List<AssociationRequested> requests = topics.read(Topics.ASSOCIATIONS_REQUESTS, record ->
                record.value() instanceof AssociationRequested requested
                        && claims.contains(requested.getMetadata().getClaimId()), count, Duration.ZERO, TIMEOUT)
                .stream().map(record -> (AssociationRequested) record.value()).toList();
        // The service refuses a deadline closer than its window (an hour here) after the mail: the clock runs on.
        Instant sentAt = Collections.min(List.of(clock.instant().truncatedTo(ChronoUnit.MILLIS),
                declineBy.minus(Duration.ofHours(1))));
        topics.sendAll(Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED, requests.stream().map(requested -> Map.entry(
                requested.getCustomer().getTenantId().toString(), (Object) Approvals.notified(
                        requested.getMetadata().getClaimId(), requested.getRequestId(),
                        requested.getCustomer().getTenantId(), requested.getMetadata().getEventId(), sentAt,
                        declineBy))).toList());
        await().atMost(TIMEOUT).until(() -> statuses(instance, requests).stream()
                .allMatch(status -> status == AssociationStatus.AWAITING_CUSTOMER));
        return requests;
    }

    /** AssociationActivated events per claim, once {@code expected} claims have one and two seconds pass quietly. */
    private static Map<UUID, Long> activations(List<AssociationRequested> requests, int expected) {
        Set<UUID> claims = requests.stream().map(requested -> requested.getMetadata().getClaimId())
                .collect(Collectors.toSet());
        List<ConsumerRecord<String, Object>> found = new TopicProbe(PLATFORM).read(Topics.ASSOCIATIONS_EVENTS,
                record -> record.value() instanceof AssociationActivated activated
                        && claims.contains(activated.getMetadata().getClaimId()), expected, Duration.ofSeconds(2),
                TIMEOUT);
        return found.stream().collect(Collectors.groupingBy(record -> ((AssociationActivated) record.value())
                .getMetadata().getClaimId(), Collectors.counting()));
    }

    private static List<AssociationStatus> statuses(ConfigurableApplicationContext instance,
            List<AssociationRequested> requests) {
        Associations associations = instance.getBean(Associations.class);
        return requests.stream().map(requested -> {
            String url = requested.getDeclineUrl();
            return associations.forLink(url.substring(url.lastIndexOf('/') + 1)).map(AssociationRequest::status)
                    .block(TIMEOUT);
        }).toList();
    }

    private static long fired(ConfigurableApplicationContext instance) {
        return (long) instance.getBean(MeterRegistry.class).counter("cpor.associations.activations").count();
    }

}
