package io.cpor.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The relay under concurrency, against a store in memory and Kafka's mock producer: writes queue new revisions while
 * sweeps queue what they read a moment earlier and the lanes take aggregates out; every event of every newest
 * revision is published, each aggregate's in order.
 */
class OutboxRelayTests {

    private static final String TOPIC = "relay-test";

    private final MemoryStore store = new MemoryStore();
    /** Kafka's mock producer, kept open: the template closes its producer after each send. */
    private final MockProducer<String, Object> producer = new MockProducer<>(true, null, new StringSerializer(),
            (topic, value) -> new byte[0]) {
        @Override
        public void close(Duration timeout) {
        }
    };
    private final OutboxRelay relay = new OutboxRelay("test", store,
            new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)), Clock.systemUTC(),
            new SimpleMeterRegistry(), 4);

    @AfterEach
    void stopTheRelay() {
        relay.stop();
    }

    @Test
    void staleRevisionsQueuedBySweepsWhileLanesTakeAggregatesNeverStrandTheNewest() throws InterruptedException {
        relay.start();
        AtomicReference<PendingMessages> stale = new AtomicReference<>();
        AtomicBoolean racing = new AtomicBoolean(true);
        List<Thread> sweeps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            // What sweeps do with what they read a moment before the latest write: queue it again, over and over.
            Thread sweep = new Thread(() -> {
                while (racing.get()) {
                    PendingMessages read = stale.get();
                    if (read != null) {
                        relay.publishSoon(read);
                    }
                }
            });
            sweep.start();
            sweeps.add(sweep);
        }
        Thread periodicSweeps = new Thread(() -> {
            while (racing.get()) {
                relay.sweep();
            }
        });
        periodicSweeps.start();

        int aggregates = 2_000;
        for (int i = 0; i < aggregates; i++) {
            UUID aggregate = UUID.randomUUID();
            PendingMessages first = store.write(aggregate);
            relay.publishSoon(first);
            PendingMessages second = store.write(aggregate);
            stale.set(first);
            relay.publishSoon(second);
            PendingMessages third = store.write(aggregate);
            relay.publishSoon(third);
            long giveUp = System.nanoTime() + Duration.ofMillis(5).toNanos();
            while (store.hasPending(aggregate) && System.nanoTime() < giveUp) {
                Thread.onSpinWait();
            }
            stale.set(null);
        }
        racing.set(false);
        for (Thread sweep : sweeps) {
            sweep.join();
        }
        periodicSweeps.join();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(store.unpublished())
                .as("aggregates whose newest events wait with no lane entry").isEmpty());
        assertThat(firstSendsInOrderPerAggregate()).hasSize(aggregates).allSatisfy((aggregate, events) ->
                assertThat(events).as("events of %s as first sent", aggregate).containsExactly(1, 2, 3));
    }

    /** Each aggregate's event numbers in the order they were first sent (an event may go out twice). */
    private Map<String, List<Integer>> firstSendsInOrderPerAggregate() {
        Map<String, List<Integer>> sends = new LinkedHashMap<>();
        for (ProducerRecord<String, Object> record : producer.history()) {
            List<Integer> events = sends.computeIfAbsent(record.key(), key -> new ArrayList<>());
            int event = (Integer) record.value();
            if (!events.contains(event)) {
                events.add(event);
            }
        }
        return sends;
    }

    /** Aggregates in memory, each with a revision and its unpublished events (numbered 1, 2, 3 ...). */
    private static final class MemoryStore implements OutboxStore {

        private final Map<UUID, Aggregate> aggregates = new ConcurrentHashMap<>();

        private record Aggregate(long revision, List<OutboxMessage> pending) {
        }

        /** One more write: a new revision with one more event; answers the pending events as of that revision. */
        PendingMessages write(UUID id) {
            Aggregate after = aggregates.compute(id, (key, before) -> {
                long revision = before == null ? 1 : before.revision() + 1;
                List<OutboxMessage> pending = new ArrayList<>(before == null ? List.of() : before.pending());
                pending.add(new OutboxMessage(UUID.randomUUID(), Instant.now(), TOPIC, id.toString(),
                        (int) revision));
                return new Aggregate(revision, List.copyOf(pending));
            });
            return new PendingMessages(id, after.revision(), after.pending());
        }

        boolean hasPending(UUID id) {
            Aggregate aggregate = aggregates.get(id);
            return aggregate != null && !aggregate.pending().isEmpty();
        }

        List<UUID> unpublished() {
            return aggregates.entrySet().stream().filter(entry -> !entry.getValue().pending().isEmpty())
                    .map(Map.Entry::getKey).toList();
        }

        @Override
        public Mono<PendingMessages> pending(UUID aggregateId) {
            return Mono.justOrEmpty(aggregates.get(aggregateId))
                    .map(aggregate -> new PendingMessages(aggregateId, aggregate.revision(), aggregate.pending()));
        }

        @Override
        public Flux<PendingMessages> withPending() {
            return Flux.fromIterable(List.copyOf(aggregates.entrySet()))
                    .filter(entry -> !entry.getValue().pending().isEmpty())
                    .map(entry -> new PendingMessages(entry.getKey(), entry.getValue().revision(),
                            entry.getValue().pending()));
        }

        @Override
        public Mono<Void> forget(Map<UUID, List<UUID>> eventIds) {
            return Mono.fromRunnable(() -> eventIds.forEach((aggregateId, published) ->
                    aggregates.computeIfPresent(aggregateId, (key, aggregate) -> new Aggregate(aggregate.revision(),
                            aggregate.pending().stream().filter(message -> !published.contains(message.eventId()))
                                    .toList()))));
        }
    }
}
