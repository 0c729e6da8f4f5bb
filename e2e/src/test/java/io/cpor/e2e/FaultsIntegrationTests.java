package io.cpor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cpor.e2e.support.ClaimStream;
import io.cpor.e2e.support.Poison;
import io.cpor.e2e.support.Stack;
import io.cpor.e2e.support.StreamCheck;
import io.cpor.e2e.support.ValidatorTool;
import io.cpor.local.testing.TopicProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nothing is lost, nothing happens twice: under a stream of claims (100 by default, {@code -Dcpor.faults.claims},
 * sent over 25 s, {@code -Dcpor.faults.spread-seconds}) with a validator tool deciding through the decisions topic,
 * each fault strikes mid-stream, once a share of the stream was accepted; afterwards every claim
 * is in the state its fate gives, each approved claim's customer got exactly one mail, no workload is held twice,
 * every poison record is in its dead-letter topic, and every service and the platform are healthy. The streams of
 * earlier faults are checked again after each later one, so a fault that replays history (a restart, a rewind) is
 * caught doing anything twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Isolated
class FaultsIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(FaultsIntegrationTests.class);
    private static final int CLAIMS = Integer.getInteger("cpor.faults.claims", 100);
    private static final Duration SPREAD = Duration.ofSeconds(Long.getLong("cpor.faults.spread-seconds", 25));
    /** The consumer groups of each service, which a rewind sends back to the start of every partition. */
    private static final Map<String, List<String>> GROUPS = Map.of(
            "claim-service", List.of("claim-updates"),
            "validation-service", List.of("validation-claims", "validation-decisions"),
            "notification-service", List.of("notifications"),
            "association-service", List.of("associations"));

    private static final List<Settled> settled = new ArrayList<>();
    private static ValidatorTool validatorTool;

    private final Stack stack = Stack.shared();
    private final StreamCheck check = new StreamCheck(stack);

    private record Settled(ClaimStream stream, List<ClaimStream.Sent> sent) {
    }

    @BeforeAll
    static void startTheValidatorTool() {
        validatorTool = ValidatorTool.start(Stack.shared().endpoints(), ClaimStream.validatorPolicy());
    }

    @AfterAll
    static void stopTheValidatorTool() throws InterruptedException {
        validatorTool.close();
    }

    @AfterEach
    void everythingHealthyAndEveryEarlierStreamStillRight() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(stack.health()).allSatisfy((part, status) ->
                        assertThat(status).as(part).isEqualTo(200)));
        for (Settled earlier : settled) {
            log.info("Again: {}", check.verify(earlier.stream(), earlier.sent()));
        }
    }

    @Test
    @Order(1)
    void eachServiceKilledMidStreamAndRestartedLosesNothing() {
        // One service after another, each while claims are still arriving or in flight behind them.
        midStream("killed", 0.1, stream -> {
            int share = 0;
            for (String service : List.of("claim-service", "validation-service", "notification-service",
                    "association-service")) {
                stack.kill(service);
                stack.run("restart", service);
                share++;
                awaitAccepted(stream, Math.min(0.1 + 0.2 * share, 0.9));
            }
        });
    }

    @Test
    @Order(2)
    void platformStoppedAndStartedMidStreamLosesNothing() {
        midStream("platform", 0.3, stream -> stack.run("restart", "platform"));
    }

    @Test
    @Order(3)
    void smtpDownWhileMostOfAStreamIsMailedDelaysCustomerMailButLosesNone() {
        // Down from a fifth of the stream to its end: every mail of those claims waits for the server.
        midStream("smtp", 0.2, stream -> {
            stack.run("smtp", "down");
            awaitAccepted(stream, 1.0);
            stack.run("smtp", "up");
        });
    }

    @Test
    @Order(4)
    void poisonOnEveryInputTopicIsDeadLetteredAndTheStreamFlowsOn() {
        TopicProbe topics = new TopicProbe(stack.endpoints());
        List<Poison.Written> poison = new ArrayList<>();

        midStream("poison", 0.2, stream -> {
            poison.addAll(Poison.writeToEveryInputTopic(topics));
            poison.addAll(Poison.writeHostileToEveryInputTopic(topics, stack.endpoints()));
        });

        int copies = Poison.assertAllDeadLettered(topics, poison);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(lag()).as("records not yet consumed, by group").allSatisfy(
                        (group, behind) -> assertThat(behind).as(group).isZero()));
        log.info("Poison: {} records written to {} topics, {} copies found in dead-letter topics", poison.size(),
                poison.stream().map(Poison.Written::topic).distinct().count(), copies);
    }

    @Test
    @Order(5)
    void consumerGroupsRewoundToTheStartDeliverEverythingAgainWithoutEffect() {
        AtomicLong replayed = new AtomicLong();

        // Every service at once: stopped, its groups rewound, started again.
        midStream("rewound", 0.3, stream -> inParallel(GROUPS.keySet(), service -> {
            stack.terminate(service);
            replayed.addAndGet(rewindToEarliest(GROUPS.get(service)));
            stack.run("restart", service);
        }));

        log.info("Rewound: {} records delivered again", replayed.get());
    }

    /** A fault that strikes once {@code share} of a stream was accepted; the stream is checked once all settled. */
    private void midStream(String label, double share, Fault fault) {
        ClaimStream stream = ClaimStream.start(stack, label, CLAIMS, SPREAD);
        try {
            awaitAccepted(stream, share);
            fault.strike(stream);
        }
        catch (Exception e) {
            throw new IllegalStateException("The fault " + label + " could not be applied", e);
        }
        List<ClaimStream.Sent> sent = stream.awaitAccepted();
        StreamCheck.Report report = check.verify(stream, sent);
        log.info("Fault run {}; validator tool decisions so far {}", report, validatorTool.decisions());
        settled.add(new Settled(stream, sent));
    }

    private static void awaitAccepted(ClaimStream stream, double share) {
        int claims = (int) Math.ceil(stream.size() * share);
        await().atMost(SPREAD.plusMinutes(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> stream.accepted() >= claims);
    }

    /** Does the step for each service on a thread of its own; fails if any step failed. */
    private static void inParallel(java.util.Collection<String> services, ServiceStep step) throws Exception {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(
                services.size());
        try {
            List<java.util.concurrent.Future<?>> steps = new ArrayList<>();
            for (String service : services) {
                steps.add(threads.submit(() -> {
                    step.apply(service);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> done : steps) {
                done.get();
            }
        }
        finally {
            threads.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface ServiceStep {
        void apply(String service) throws Exception;
    }

    @FunctionalInterface
    private interface Fault {
        void strike(ClaimStream stream) throws Exception;
    }

    /** How many records each consumer group of the services has yet to consume, over all its partitions. */
    private Map<String, Long> lag() throws Exception {
        try (Admin admin = Admin.create(stack.endpoints().kafkaAdminSettings())) {
            Map<String, Long> lag = new TreeMap<>();
            for (String group : GROUPS.values().stream().flatMap(List::stream).toList()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                // Every partition the group's members read, committed on or not.
                java.util.Set<TopicPartition> partitions = new java.util.HashSet<>(committed.keySet());
                admin.describeConsumerGroups(List.of(group)).all().get().get(group).members()
                        .forEach(member -> partitions.addAll(member.assignment().topicPartitions()));
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                long behind = 0;
                for (TopicPartition partition : partitions) {
                    OffsetAndMetadata at = committed.get(partition);
                    behind += ends.get(partition).offset() - (at == null ? 0 : at.offset());
                }
                lag.put(group, behind);
            }
            return lag;
        }
    }

    /** Sets every committed offset of the groups back to the start of its partition; answers how many records. */
    private long rewindToEarliest(List<String> groups) throws Exception {
        try (Admin admin = Admin.create(stack.endpoints().kafkaAdminSettings())) {
            List<String> existing = admin.listConsumerGroups().all().get().stream()
                    .map(ConsumerGroupListing::groupId).toList();
            assertThat(existing).as("consumer groups").containsAll(groups);
            long replayed = 0;
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                assertThat(committed).as("offsets of %s", group).isNotEmpty();
                Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
                committed.keySet().forEach(partition -> earliest.put(partition, OffsetSpec.earliest()));
                Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
                for (Map.Entry<TopicPartition, OffsetSpec> partition : earliest.entrySet()) {
                    long offset = admin.listOffsets(Map.of(partition.getKey(), partition.getValue()))
                            .partitionResult(partition.getKey()).get().offset();
                    start.put(partition.getKey(), new OffsetAndMetadata(offset));
                    replayed += committed.get(partition.getKey()).offset() - offset;
                }
                // A group whose members just left may need a moment before the broker lets its offsets change.
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreException(
                        ExecutionException.class).until(() -> {
                            admin.alterConsumerGroupOffsets(group, start).all().get();
                            return true;
                        });
            }
            return replayed;
        }
    }
}
