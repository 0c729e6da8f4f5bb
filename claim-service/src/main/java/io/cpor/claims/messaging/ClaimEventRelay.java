package io.cpor.claims.messaging;

import io.cpor.claims.domain.Claim;
import io.cpor.claims.domain.ClaimEvent;
import io.cpor.claims.domain.ClaimEventsPublisher;
import io.cpor.claims.domain.ClaimStore;
import io.cpor.schemas.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Publishes claims' stored events to {@code cpor.claims.submitted}, keyed by claim id, and forgets them once the
 * broker acknowledged them. Each claim always goes through the same lane (chosen by claim id), so its events go out
 * in order; a lane sends a batch of claims at once and waits for all acknowledgements, so the producer can batch.
 * A claim whose publishing fails keeps its events and is retried by the sweep, which also finds events left by a
 * crash. An event may thus go out twice (crash between the acknowledgement and forgetting it); consumers
 * deduplicate by event id.
 */
@Component
class ClaimEventRelay implements ClaimEventsPublisher, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClaimEventRelay.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);
    private static final int BATCH = 256;

    private final ClaimStore store;
    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;
    private final List<BlockingQueue<UUID>> lanes = new ArrayList<>();
    /** Claims queued, with the newest stored copy known (null: read it from the store). */
    private final Map<UUID, Claim> queued = new ConcurrentHashMap<>();
    /** Claims a lane is publishing now: the sweep leaves them alone (their events are still stored as pending). */
    private final java.util.Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    /**
     * Events this relay saw acknowledged lately. A claim read before its events were forgotten still lists them
     * (a withdrawal right after the submission, say); they are forgotten again, not sent again.
     */
    private final java.util.Set<UUID> recentlyPublished = java.util.Collections.newSetFromMap(
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                    return size() > 100_000;
                }
            }));
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong pendingEvents = new AtomicLong();
    private final AtomicLong oldestPendingMillis = new AtomicLong();
    private volatile boolean running;

    ClaimEventRelay(ClaimStore store, KafkaTemplate<String, Object> kafka, Clock clock, MeterRegistry meters,
            RelayProperties properties) {
        this.store = store;
        this.kafka = kafka;
        this.clock = clock;
        for (int i = 0; i < properties.lanes(); i++) {
            lanes.add(new LinkedBlockingQueue<>());
        }
        Gauge.builder("cpor.relay.pending.events", pendingEvents, AtomicLong::get)
                .description("Stored events not yet published, as of the last sweep").register(meters);
        Gauge.builder("cpor.relay.oldest.pending.seconds", oldestPendingMillis, value -> value.get() / 1000.0)
                .description("Age of the oldest unpublished event, as of the last sweep").register(meters);
    }

    @Override
    public void publishSoon(Claim stored) {
        enqueue(stored.id(), stored);
    }

    /** Finds every claim with events left unpublished (broker down, crash) and queues it. */
    @Scheduled(initialDelayString = "${cpor.relay.sweep-interval:PT5S}",
            fixedDelayString = "${cpor.relay.sweep-interval:PT5S}")
    void sweep() {
        AtomicLong count = new AtomicLong();
        AtomicLong oldest = new AtomicLong();
        Instant now = clock.instant();
        store.withPendingEvents()
                .doOnNext(claim -> {
                    count.addAndGet(claim.state().pendingEvents().size());
                    claim.state().pendingEvents().stream().map(ClaimEvent::occurredAt).min(Instant::compareTo)
                            .ifPresent(at -> oldest.accumulateAndGet(Duration.between(at, now).toMillis(), Math::max));
                    if (!inFlight.contains(claim.id())) {
                        enqueue(claim.id(), claim);
                    }
                })
                .then()
                .block(Duration.ofMinutes(1));
        pendingEvents.set(count.get());
        oldestPendingMillis.set(oldest.get());
    }

    private void enqueue(UUID claimId, Claim claim) {
        Claim previous = queued.put(claimId, claim);
        if (previous == null) {
            lanes.get(Math.floorMod(claimId.hashCode(), lanes.size())).offer(claimId);
        }
        else if (previous.state().revision() > claim.state().revision()) {
            queued.put(claimId, previous);
        }
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
                log.warn("Publishing a batch of {} claims failed; the sweep retries: {}", batch.size(), e.toString());
            }
            finally {
                inFlight.removeAll(batch);
            }
        }
    }

    private void relay(List<UUID> claimIds) throws InterruptedException {
        List<Claim> claims = Flux.fromIterable(claimIds)
                .flatMap(id -> {
                    Claim known = queued.remove(id);
                    return known != null ? reactor.core.publisher.Mono.just(known) : store.find(id);
                }, 16)
                .collectList()
                .block(ACK_TIMEOUT);
        List<Sent> sent = new ArrayList<>();
        for (Claim claim : claims == null ? List.<Claim>of() : claims) {
            List<CompletableFuture<?>> acks = new ArrayList<>();
            try {
                for (ClaimEvent event : claim.state().pendingEvents()) {
                    if (!recentlyPublished.contains(event.eventId())) {
                        acks.add(kafka.send(Topics.CLAIMS_SUBMITTED, claim.id().toString(),
                                ClaimRecords.of(claim, event)));
                    }
                }
            }
            catch (RuntimeException e) {
                // The producer refused at once (no broker metadata): keep what went out, leave the rest to the sweep.
                log.warn("Kafka refused the events of claim {}; the sweep retries: {}", claim.id(), e.toString());
                break;
            }
            if (!claim.state().pendingEvents().isEmpty()) {
                sent.add(new Sent(claim, acks));
            }
        }
        Flux.fromIterable(sent)
                .filter(Sent::acknowledged)
                .flatMap(done -> {
                    List<UUID> published = done.claim().state().pendingEvents().stream().map(ClaimEvent::eventId)
                            .toList();
                    recentlyPublished.addAll(published);
                    return store.markPublished(done.claim().id(), published);
                }, 16)
                .then()
                .block(ACK_TIMEOUT);
    }

    /** A claim's events handed to the producer, and their acknowledgements. */
    private record Sent(Claim claim, List<CompletableFuture<?>> acks) {

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
                log.warn("Kafka did not take the events of claim {}; the sweep retries: {}", claim.id(),
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
            Thread worker = new Thread(() -> work(lane), "claim-relay-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Thread worker : workers) {
            try {
                worker.join(ACK_TIMEOUT.toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
