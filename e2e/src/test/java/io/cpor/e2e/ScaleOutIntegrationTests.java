package io.cpor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cpor.e2e.support.Actors;
import io.cpor.e2e.support.AvroConsumers;
import io.cpor.e2e.support.ClaimSpec;
import io.cpor.e2e.support.Http;
import io.cpor.e2e.support.Stack;
import io.cpor.e2e.support.ValidatorTool;
import io.cpor.events.associations.AssociationActivated;
import io.cpor.events.review.ReviewDecision;
import io.cpor.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * {@code ./cpor up --instances 2}: two instances of every service against one platform share the work (the HTTP
 * requests that reach each, the partitions of each consumer group, the due timers) and every timer fires once.
 */
@Isolated
class ScaleOutIntegrationTests {

    private static final int CLAIMS = 40;
    private static final String NAME_PREFIX = "scale-out ";
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)(?:\\{([^}]*)})? ([0-9.eE+-]+)$",
            Pattern.MULTILINE);

    private static Stack stack;

    @BeforeAll
    static void startTwoInstancesOfEachService() {
        // Nine service and platform processes on a small machine: the shared stack makes room.
        Stack.stopShared();
        // Each look of an association-service takes one due timer a shard: the instances fire their own shards'.
        stack = Stack.start(Map.of("CPOR_ASSOCIATIONS_TIMER_BATCH", "1", "CPOR_ASSOCIATIONS_TIMER_INTERVAL", "PT0.2S"),
                "--instances", "2", "--decline-window", "PT10S");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void twoInstancesOfEachServiceShareTheWorkAndFireEveryTimerOnce() throws Exception {
        Actors.Partner partner = new Actors(stack).partner("demo-partner-1");
        List<UUID> claims = new ArrayList<>();
        try (ValidatorTool tool = ValidatorTool.start(stack.endpoints(), review -> review.getClaim().getName()
                .startsWith(NAME_PREFIX) ? ReviewDecision.APPROVE : null)) {
            for (int i = 0; i < CLAIMS; i++) {
                // Every other claim goes to the second claim-service, as a load balancer would send it.
                String claimService = stack.url(i % 2 == 0 ? 8080 : 8180);
                ClaimSpec spec = ClaimSpec.fresh("1000001", "scale").name(NAME_PREFIX + i);
                Http.Answer accepted = Http.post(claimService + "/api/v1/claims", stack.token("demo-partner-1"),
                        spec.body());
                assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
                claims.add(UUID.fromString(accepted.json().path("claimId").asText()));
            }
            for (UUID claimId : claims) {
                partner.awaitStatus(claimId, "ASSOCIATED");
            }
        }

        Map<UUID, Set<UUID>> activations = activationsOn(Topics.ASSOCIATIONS_EVENTS, Set.copyOf(claims));
        assertThat(activations).as("one AssociationActivated per claim").hasSize(CLAIMS)
                .allSatisfy((claimId, eventIds) -> assertThat(eventIds).as(claimId.toString()).hasSize(1));

        assertThat(sum(8080, "http_server_requests_seconds_count", "method=\"POST\"")).isEqualTo(CLAIMS / 2.0);
        assertThat(sum(8180, "http_server_requests_seconds_count", "method=\"POST\"")).isEqualTo(CLAIMS / 2.0);
        for (int port : List.of(8082, 8083, 8084)) {
            assertThat(sum(port, "spring_kafka_listener_seconds_count", "")).as("records handled on " + port)
                    .isPositive();
            assertThat(sum(port + 100, "spring_kafka_listener_seconds_count", "")).as("records handled on "
                    + (port + 100)).isPositive();
        }
        // Each instance counts the activations it won, once its look at the timers ends.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            double first = sum(8084, "cpor_associations_activations_total", "");
            double second = sum(8184, "cpor_associations_activations_total", "");
            assertThat(first).as("timers fired by association-service").isPositive();
            assertThat(second).as("timers fired by association-service-2").isPositive();
            assertThat(first + second).as("timers fired in all").isEqualTo(CLAIMS);
        });
    }

    /**
     * The ids of the AssociationActivated events of these claims on the topic, once all have one. Publication is at
     * least once (consumers drop an event id they have seen), so an event may be there twice; a second activation
     * would be a second id.
     */
    private static Map<UUID, Set<UUID>> activationsOn(String topic, Set<UUID> claims) {
        Map<UUID, Set<UUID>> events = new HashMap<>();
        try (KafkaConsumer<String, Object> consumer = AvroConsumers.create(stack.endpoints(), "scale-out-check",
                "earliest", Map.of())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                read(consumer, claims, events);
                return events.size() == claims.size();
            });
            // Whatever else is on the topic by now (a second activation would be): read to its end.
            for (int emptyPolls = 0; emptyPolls < 3; ) {
                emptyPolls = read(consumer, claims, events) == 0 ? emptyPolls + 1 : 0;
            }
        }
        return events;
    }

    private static int read(KafkaConsumer<String, Object> consumer, Set<UUID> claims, Map<UUID, Set<UUID>> events) {
        var records = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<String, Object> record : records) {
            if (record.value() instanceof AssociationActivated activated
                    && claims.contains(activated.getMetadata().getClaimId())) {
                events.computeIfAbsent(activated.getMetadata().getClaimId(), claim -> new HashSet<>())
                        .add(activated.getMetadata().getEventId());
            }
        }
        return records.count();
    }

    /** The sum of a Prometheus metric's samples whose labels contain {@code labelPart}, from one instance. */
    private static double sum(int standardPort, String metric, String labelPart) {
        Http.Answer scrape = Http.get(stack.managementUrl(standardPort) + "/actuator/prometheus", null);
        assertThat(scrape.status()).as(scrape.body()).isEqualTo(200);
        double sum = 0;
        Matcher sample = SAMPLE.matcher(scrape.body());
        while (sample.find()) {
            String labels = sample.group(2) == null ? "" : sample.group(2);
            if (sample.group(1).equals(metric) && labels.contains(labelPart)) {
                sum += Double.parseDouble(sample.group(3));
            }
        }
        return sum;
    }
}
