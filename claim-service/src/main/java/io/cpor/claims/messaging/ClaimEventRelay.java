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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
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

/**
 * Publishes claims' stored events to {@code cpor.claims.submitted}, keyed by claim id, and forgets each once the
 * broker acknowledged it. A claim's events go out in order on one lane (lanes are chosen by claim id); a claim whose
 * publishing fails keeps its events and is retried by the sweep, which also finds events left by a crash. An event
 * may thus go out twice (crash between the acknowledgement and forgetting it); consumers deduplicate by event id.
 */
@Component
class ClaimEventRelay implements ClaimEventsPublisher, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClaimEventRelay.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final ClaimStore store;
    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;
    private final List<BlockingQueue<UUID>> lanes = new ArrayList<>();
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
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
    public void publishSoon(UUID claimId) {
        if (queued.add(claimId)) {
            lanes.get(Math.floorMod(claimId.hashCode(), lanes.size())).offer(claimId);
        }
    }

    /** Finds every claim with events left unpublished (broker down, crash) and queues it. */
    @Scheduled(initialDelayString = "${cpor.relay.sweep-interval:PT5S}",
            fixedDelayString = "${cpor.relay.sweep-interval:PT5S}")
    void sweep() {
        AtomicLong count = new AtomicLong();
        Instant now = clock.instant();
        AtomicLong oldest = new AtomicLong();
        store.withPendingEvents()
                .doOnNext(claim -> {
                    count.addAndGet(claim.state().pendingEvents().size());
                    claim.state().pendingEvents().stream().map(ClaimEvent::occurredAt).min(Instant::compareTo)
                            .ifPresent(at -> oldest.accumulateAndGet(Duration.between(at, now).toMillis(), Math::max));
                    publishSoon(claim.id());
                })
                .then()
                .block(Duration.ofMinutes(1));
        pendingEvents.set(count.get());
        oldestPendingMillis.set(oldest.get());
    }

    private void work(BlockingQueue<UUID> lane) {
        while (running) {
            UUID claimId;
            try {
                claimId = lane.poll(200, TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (claimId == null) {
                continue;
            }
            queued.remove(claimId);
            try {
                relay(claimId);
            }
            catch (RuntimeException e) {
                log.warn("Publishing the events of claim {} failed; the sweep retries: {}", claimId, e.toString());
            }
        }
    }

    private void relay(UUID claimId) {
        Claim claim = store.find(claimId).block(SEND_TIMEOUT);
        if (claim == null) {
            return;
        }
        for (ClaimEvent event : claim.state().pendingEvents()) {
            try {
                kafka.send(Topics.CLAIMS_SUBMITTED, claimId.toString(), ClaimRecords.of(claim, event))
                        .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while publishing", e);
            }
            catch (Exception e) {
                throw new IllegalStateException("Kafka did not take event " + event.eventId(), e);
            }
            store.markPublished(claimId, event.eventId()).block(SEND_TIMEOUT);
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
                worker.join(SEND_TIMEOUT.toMillis());
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
