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
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nothing is lost, nothing happens twice: under a stream of claims (300 by default, {@code -Dcpor.faults.claims})
 * with a validator tool deciding through the decisions topic, each fault strikes mid-stream; afterwards every claim
 * is in the state its fate gives, each approved claim's customer got exactly one mail, no workload is held twice,
 * every poison record is in its dead-letter topic, and every service and the platform are healthy. The streams of
 * earlier faults are checked again after each later one, so a fault that replays history (a restart, a rewind) is
 * caught doing anything twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(FaultsIntegrationTests.class);
    private static final int CLAIMS = Integer.getInteger("cpor.faults.claims", 300);
    private static final Duration SPREAD = Duration.ofSeconds(Long.getLong("cpor.faults.spread-seconds", 40));
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
        midStream("killed", Duration.ofSeconds(4), () -> {
            for (String service : List.of("claim-service", "validation-service", "notification-service",
                    "association-service")) {
                stack.kill(service);
                stack.run("restart", service);
                Thread.sleep(4_000);
            }
        });
    }

    @Test
    @Order(2)
    void platformStoppedAndStartedMidStreamLosesNothing() {
        midStream("platform", SPREAD.dividedBy(3), () -> stack.run("restart", "platform"));
    }

    @Test
    @Order(3)
    void smtpDownForThirtySecondsDelaysCustomerMailButLosesNone() {
        midStream("smtp", Duration.ofSeconds(5), () -> {
            stack.run("smtp", "down");
            Thread.sleep(30_000);
            stack.run("smtp", "up");
        });
    }

    @Test
    @Order(4)
    void poisonOnEveryInputTopicIsDeadLetteredAndTheStreamFlowsOn() {
        TopicProbe topics = new TopicProbe(stack.endpoints());
        List<Poison.Written> poison = new ArrayList<>();

        midStream("poison", Duration.ofSeconds(5), () -> poison.addAll(Poison.writeToEveryInputTopic(topics)));

        int copies = Poison.assertAllDeadLettered(topics, poison);
        log.info("Poison: {} records written to {} topics, {} copies found in dead-letter topics", poison.size(),
                poison.stream().map(Poison.Written::topic).distinct().count(), copies);
    }

    @Test
    @Order(5)
    void consumerGroupsRewoundToTheStartDeliverEverythingAgainWithoutEffect() {
        AtomicLong replayed = new AtomicLong();

        midStream("rewound", SPREAD.dividedBy(3), () -> {
            for (Map.Entry<String, List<String>> service : GROUPS.entrySet()) {
                stack.terminate(service.getKey());
                replayed.addAndGet(rewindToEarliest(service.getValue()));
                stack.run("restart", service.getKey());
            }
        });

        log.info("Rewound: {} records delivered again", replayed.get());
    }

    /** A fault that strikes {@code after} a stream began; the stream is checked once everything settled. */
    private void midStream(String label, Duration after, Fault fault) {
        ClaimStream stream = ClaimStream.start(stack, label, CLAIMS, SPREAD);
        try {
            Thread.sleep(after.toMillis());
            fault.strike();
        }
        catch (Exception e) {
            throw new IllegalStateException("The fault " + label + " could not be applied", e);
        }
        List<ClaimStream.Sent> sent = stream.awaitAccepted();
        StreamCheck.Report report = check.verify(stream, sent);
        log.info("Fault run {}; validator tool decisions so far {}", report, validatorTool.decisions());
        settled.add(new Settled(stream, sent));
    }

    @FunctionalInterface
    private interface Fault {
        void strike() throws Exception;
    }

    /** Sets every committed offset of the groups back to the start of its partition; answers how many records. */
    private long rewindToEarliest(List<String> groups) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.endpoints().kafkaBootstrapServers()))) {
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
