package io.cpor.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes stored events and has the store forget them once the broker acknowledged them.
 * <p>
 * Each aggregate always goes through the same lane (chosen by its id), so its events go out in order; a lane sends
 * a batch of aggregates at once and waits for all acknowledgements, so the producer can batch. An aggregate whose
 * publishing fails keeps its events and is retried by {@link #sweep()}, which also finds events left by a crash.
 * <p>
 * Acknowledged events are forgotten together, every {@link #FORGET_INTERVAL} or once {@link #FORGET_BATCH} are
 * waiting: one write for all of them instead of one per aggregate. An event may go out twice (a crash between the
 * acknowledgement and forgetting it); consumers deduplicate by event id. Within this process an event seen
 * acknowledged is forgotten again rather than sent again.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);
    private static final int BATCH = 256;
    private static final Duration FORGET_INTERVAL = Duration.ofSeconds(1);
    private static final int FORGET_BATCH = 2_000;

    private final String name;
    private final OutboxStore store;
    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;
    private final List<BlockingQueue<UUID>> lanes = new ArrayList<>();
    /** Aggregates queued, with the newest pending events known (null: read them from the store). */
    private final Map<UUID, PendingMessages> queued = new ConcurrentHashMap<>();
    /** Aggregates a lane is publishing now: the sweep leaves them alone. */
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<UUID> recentlyPublished = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                    return size() > 100_000;
                }
            }));
    /** Acknowledged events not yet forgotten, by aggregate. */
    private final Map<UUID, List<UUID>> toForget = new ConcurrentHashMap<>();
    private final AtomicLong toForgetCount = new AtomicLong();
    private final Object forgetSignal = new Object();
    private final List<Thread> workers = new ArrayList<>();
    /** The events the last sweep found unpublished. */
    private volatile Set<UUID> pendingAtLastSweep = Set.of();
    private final AtomicLong pendingEvents = new AtomicLong();
    private final AtomicLong oldestPendingMillis = new AtomicLong();
    private volatile boolean running;
    private Thread forgetter;

    public OutboxRelay(String name, OutboxStore store, KafkaTemplate<String, Object> kafka, Clock clock,
            MeterRegistry meters, int laneCount) {
        this.name = name;
        this.store = store;
        this.kafka = kafka;
        this.clock = clock;
        for (int i = 0; i < laneCount; i++) {
            lanes.add(new LinkedBlockingQueue<>());
        }
        Gauge.builder("cpor.relay.pending.events", pendingEvents, AtomicLong::get)
                .description("Stored events not yet published, as of the last sweep").register(meters);
        Gauge.builder("cpor.relay.oldest.pending.seconds", oldestPendingMillis, value -> value.get() / 1000.0)
                .description("Age of the oldest unpublished event, as of the last sweep").register(meters);
    }

    /** Publishes these pending events soon, without making the caller wait for the broker. */
    public void publishSoon(PendingMessages pending) {
        if (pending.messages().isEmpty()) {
            return;
        }
        // One atomic step per aggregate: keep the newest revision, and hand the id to its lane exactly when it was
        // not queued. A lane takes the id out of `queued` (remove) before it publishes, so whatever is queued after
        // that is handed over again and never left without a lane entry.
        boolean[] added = new boolean[1];
        queued.compute(pending.aggregateId(), (id, previous) -> {
            if (previous == null) {
                added[0] = true;
                return pending;
            }
            return previous.revision() > pending.revision() ? previous : pending;
        });
        if (added[0]) {
            lanes.get(Math.floorMod(pending.aggregateId().hashCode(), lanes.size())).offer(pending.aggregateId());
        }
    }

    /**
     * Queues every aggregate with events left unpublished (broker down, crash); call it periodically. An event is
     * queued once the previous sweep saw it pending too: one written a moment ago is being published by the
     * instance that wrote it, and another instance of the service, sweeping the same store, would send it twice.
     */
    public void sweep() {
        AtomicLong count = new AtomicLong();
        AtomicLong oldest = new AtomicLong();
        Instant now = clock.instant();
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        store.withPending()
                .doOnNext(pending -> {
                    count.addAndGet(pending.messages().size());
                    pending.messages().stream().map(OutboxMessage::occurredAt).min(Instant::compareTo)
                            .ifPresent(at -> oldest.accumulateAndGet(Duration.between(at, now).toMillis(), Math::max));
                    pending.messages().forEach(message -> seen.add(message.eventId()));
                    boolean leftBehind = pending.messages().stream()
                            .anyMatch(message -> pendingAtLastSweep.contains(message.eventId()));
                    if (leftBehind && !inFlight.contains(pending.aggregateId())) {
                        publishSoon(pending);
                    }
                })
                .then()
                .block(Duration.ofMinutes(1));
        pendingAtLastSweep = seen;
        pendingEvents.set(count.get());
        oldestPendingMillis.set(oldest.get());
    }

    private void work(BlockingQueue<UUID> lane) {
        List<UUID> batch = new ArrayList<>(BATCH);
        while (running) {
            batch.clear();
            try {
                UUID first = lane.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                lane.drainTo(batch, BATCH - 1);
                inFlight.addAll(batch);
                relay(batch);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (RuntimeException e) {
                log.warn("{}: publishing a batch of {} failed; the sweep retries: {}", name, batch.size(),
                        e.toString());
            }
            finally {
                inFlight.removeAll(batch);
            }
        }
    }

    private void relay(List<UUID> ids) {
        List<PendingMessages> batch = Flux.fromIterable(ids)
                .flatMap(id -> {
                    PendingMessages known = queued.remove(id);
                    return known != null ? Mono.just(known) : store.pending(id);
                }, 16)
                .collectList()
                .block(ACK_TIMEOUT);
        List<Sent> sent = new ArrayList<>();
        for (PendingMessages pending : batch == null ? List.<PendingMessages>of() : batch) {
            List<CompletableFuture<?>> acks = new ArrayList<>();
            try {
                for (OutboxMessage message : pending.messages()) {
                    if (!recentlyPublished.contains(message.eventId())) {
                        acks.add(kafka.send(message.topic(), message.key(), message.value()));
                    }
                }
            }
            catch (RuntimeException e) {
                // The producer refused at once (no broker metadata): keep what went out, leave the rest to the sweep.
                log.warn("{}: Kafka refused the events of {}; the sweep retries: {}", name, pending.aggregateId(),
                        e.toString());
                break;
            }
            if (!pending.messages().isEmpty()) {
                sent.add(new Sent(pending, acks));
            }
        }
        for (Sent done : sent) {
            if (done.acknowledged()) {
                List<UUID> published = done.pending().messages().stream().map(OutboxMessage::eventId).toList();
                recentlyPublished.addAll(published);
                forgetSoon(done.pending().aggregateId(), published);
            }
        }
    }

    private void forgetSoon(UUID aggregateId, List<UUID> eventIds) {
        toForget.merge(aggregateId, eventIds, (known, more) -> {
            List<UUID> all = new ArrayList<>(known);
            more.stream().filter(id -> !known.contains(id)).forEach(all::add);
            return all;
        });
        if (toForgetCount.addAndGet(eventIds.size()) >= FORGET_BATCH) {
            synchronized (forgetSignal) {
                forgetSignal.notifyAll();
            }
        }
    }

    /** Forgets what was acknowledged, every interval or once a batch is waiting, until stopped (then once more). */
    private void forgetting() {
        while (running) {
            try {
                synchronized (forgetSignal) {
                    if (toForgetCount.get() < FORGET_BATCH) {
                        forgetSignal.wait(FORGET_INTERVAL.toMillis());
                    }
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            forgetAcknowledged();
        }
        forgetAcknowledged();
    }

    /** One write for every acknowledged event waiting; on failure they wait for the next one (or the sweep). */
    void forgetAcknowledged() {
        if (toForget.isEmpty()) {
            return;
        }
        Map<UUID, List<UUID>> batch = new LinkedHashMap<>();
        for (UUID id : List.copyOf(toForget.keySet())) {
            List<UUID> events = toForget.remove(id);
            if (events != null) {
                batch.put(id, events);
                toForgetCount.addAndGet(-events.size());
            }
        }
        try {
            store.forget(batch).block(ACK_TIMEOUT);
        }
        catch (RuntimeException e) {
            log.warn("{}: forgetting {} published aggregates' events failed; trying again: {}", name, batch.size(),
                    e.toString());
            batch.forEach(this::forgetSoon);
        }
    }

    /** An aggregate's events handed to the producer, and their acknowledgements. */
    private record Sent(PendingMessages pending, List<CompletableFuture<?>> acks) {

        boolean acknowledged() {
            try {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                        .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            catch (Exception e) {
                log.warn("Kafka did not take the events of {}; the sweep retries: {}", pending.aggregateId(),
                        e.toString());
                return false;
            }
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < lanes.size(); i++) {
            BlockingQueue<UUID> lane = lanes.get(i);
            Thread worker = new Thread(() -> work(lane), name + "-relay-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        forgetter = new Thread(this::forgetting, name + "-relay-forget");
        forgetter.setDaemon(true);
        forgetter.start();
    }

    @Override
    public void stop() {
        running = false;
        synchronized (forgetSignal) {
            forgetSignal.notifyAll();
        }
        List<Thread> all = new ArrayList<>(workers);
        if (forgetter != null) {
            all.add(forgetter);
        }
        for (Thread worker : all) {
            try {
                worker.join(ACK_TIMEOUT.toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
        forgetter = null;
        // What the lanes saw acknowledged after the forgetter's last pass.
        forgetAcknowledged();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
