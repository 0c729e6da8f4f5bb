package io.cpor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpor.e2e.support.AvroConsumers;
import io.cpor.e2e.support.ClaimSpec;
import io.cpor.events.associations.AssociationActivated;
import io.cpor.events.notifications.CustomerNotified;
import io.cpor.local.Endpoints;
import io.cpor.local.testing.DemoTokens;
import io.cpor.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Claims through the whole pipeline: POSTed over HTTP by partners (a number in flight, or at a fixed rate), reviewed
 * and approved by a validator tool on the decisions topic, mailed over real SMTP, and activated by the timer after the
 * short decline window. Latency is from the start of each POST to the moment this process reads the claim's
 * {@code CustomerNotified}, and its {@code AssociationActivated}.
 */
final class Pipeline {

    static final String NAME_PREFIX = "bench ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What one run measured. */
    record Run(int claims, double acceptedPerSecond, double notifiedPerSecond, Latencies toNotified,
            Latencies toActivated, double eventsPerClaim, double writesPerClaim, Map<String, Double> writesByCollection) {

        /** Claims not activated when the run stopped waiting (their mail still being retried). */
        long unfinished() {
            return claims - toActivated.count();
        }
    }

    private final Endpoints platform;
    private final String claimsUrl;

    Pipeline(Endpoints platform, String claimsUrl) {
        this.platform = platform;
        this.claimsUrl = claimsUrl;
    }

    /** {@code claims} with {@code inFlight} POSTs at a time, as fast as the service takes them. */
    Run closedLoop(int claims, int inFlight) throws Exception {
        return run(claims, inFlight, 0);
    }

    /** {@code claims} POSTed at {@code perSecond}, whatever the answers take (open loop). */
    Run openLoop(int claims, double perSecond) throws Exception {
        return run(claims, Integer.MAX_VALUE, perSecond);
    }

    private Run run(int claims, int inFlight, double perSecond) throws Exception {
        Map<UUID, Long> postedAt = new ConcurrentHashMap<>();
        Latencies toNotified = new Latencies();
        Latencies toActivated = new Latencies();
        AtomicLong lastNotified = new AtomicLong();
        AtomicLong lastAccepted = new AtomicLong();
        AtomicInteger refused = new AtomicInteger();
        long eventsBefore = contractRecords();
        Map<String, Long> writesBefore = Baselines.mongoWrites(platform);
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = watch(postedAt, toNotified, toActivated, lastNotified, watching);
        String[] tokens = {DemoTokens.of(platform, "demo-partner-1"), DemoTokens.of(platform, "demo-partner-2")};
        Semaphore slots = new Semaphore(Math.min(inFlight, 10_000));
        long began = System.currentTimeMillis();
        long beganNanos = System.nanoTime();
        for (int i = 0; i < claims; i++) {
            if (perSecond > 0) {
                long due = beganNanos + (long) (i * 1e9 / perSecond);
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
            }
            slots.acquire();
            String partnerId = i % 2 == 0 ? "1000001" : "1000002";
            ClaimSpec spec = ClaimSpec.fresh(partnerId, "bench");
            long start = System.currentTimeMillis();
            HttpRequest request = HttpRequest.newBuilder(URI.create(claimsUrl)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + tokens[i % 2]).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(spec.body()))).build();
            HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                slots.release();
                if (failure == null && response.statusCode() == 202) {
                    try {
                        UUID claimId = UUID.fromString(JSON.readTree(response.body()).path("claimId").asText());
                        postedAt.put(claimId, start);
                        lastAccepted.accumulateAndGet(System.currentTimeMillis(), Math::max);
                    }
                    catch (java.io.IOException e) {
                        refused.incrementAndGet();
                    }
                }
                else {
                    refused.incrementAndGet();
                }
            });
        }
        // Until every claim is through, or nothing more came through for two minutes: a mail the inbox refuses for
        // good (GreenMail names mailboxes by a 32-bit hash of the address, and two of many addresses can meet) is
        // retried by the service for as long as it takes, which a run does not wait for; the table says so.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10) + TimeUnit.SECONDS.toNanos(claims / 5);
        long progress = -1;
        long progressAt = System.nanoTime();
        while ((toNotified.count() + refused.get() < claims || toActivated.count() + refused.get() < claims)
                && System.nanoTime() < deadline && System.nanoTime() - progressAt < TimeUnit.MINUTES.toNanos(2)) {
            Thread.sleep(500);
            long through = toNotified.count() + toActivated.count();
            if (through != progress) {
                progress = through;
                progressAt = System.nanoTime();
            }
        }
        watching.set(false);
        watcher.join();
        if (refused.get() > 0 || toActivated.count() < claims - 10) {
            throw new IllegalStateException("Pipeline: " + refused.get() + " POSTs refused; " + toNotified.count()
                    + " notified and " + toActivated.count() + " activated of " + claims);
        }
        // The last timers' bookkeeping and relays settle within a few seconds; count writes after them.
        Thread.sleep(5_000);
        double events = (contractRecords() - eventsBefore) / (double) claims;
        Map<String, Double> writes = new TreeMap<>();
        Baselines.mongoWrites(platform).forEach((collection, count) -> {
            double perClaim = (count - writesBefore.getOrDefault(collection, 0L)) / (double) claims;
            if (perClaim >= 0.05) {
                writes.put(collection, perClaim);
            }
        });
        return new Run(claims, claims * 1000.0 / (lastAccepted.get() - began),
                claims * 1000.0 / (lastNotified.get() - began), toNotified, toActivated, events,
                writes.getOrDefault("", 0.0), writes);
    }

    private Thread watch(Map<UUID, Long> postedAt, Latencies toNotified, Latencies toActivated,
            AtomicLong lastNotified, AtomicBoolean watching) throws InterruptedException {
        java.util.concurrent.CountDownLatch assigned = new java.util.concurrent.CountDownLatch(1);
        Thread watcher = new Thread(() -> {
            try (KafkaConsumer<String, Object> consumer = AvroConsumers.create(platform, "bench-watch", "latest",
                    Map.of())) {
                consumer.subscribe(List.of(Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED, Topics.ASSOCIATIONS_EVENTS));
                while (consumer.assignment().isEmpty()) {
                    consumer.poll(Duration.ofMillis(100));
                }
                consumer.assignment().forEach(consumer::position);
                assigned.countDown();
                java.util.Set<UUID> notified = new java.util.HashSet<>();
                java.util.Set<UUID> activated = new java.util.HashSet<>();
                while (watching.get()) {
                    for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.currentTimeMillis();
                        if (record.value() instanceof CustomerNotified event) {
                            UUID claimId = event.getMetadata().getClaimId();
                            Long start = await(postedAt, claimId);
                            if (start != null && notified.add(claimId)) {
                                toNotified.record(now - start);
                                lastNotified.accumulateAndGet(now, Math::max);
                            }
                        }
                        else if (record.value() instanceof AssociationActivated event) {
                            UUID claimId = event.getMetadata().getClaimId();
                            Long start = await(postedAt, claimId);
                            if (start != null && activated.add(claimId)) {
                                toActivated.record(now - start);
                            }
                        }
                    }
                }
            }
        }, "bench-watcher");
        watcher.start();
        assigned.await();
        return watcher;
    }

    /** The POST's start; its answer may still be on its way when the event arrives. */
    private static Long await(Map<UUID, Long> postedAt, UUID claimId) {
        for (int i = 0; i < 20; i++) {
            Long start = postedAt.get(claimId);
            if (start != null) {
                return start;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        return null;
    }

    /** Records on every contract topic (dead letters aside), counted by offsets. */
    private long contractRecords() throws Exception {
        try (Admin admin = Admin.create(platform.kafkaAdminSettings())) {
            List<String> topics = admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith("cpor.") && !name.endsWith(Topics.DEAD_LETTER_SUFFIX)
                            && !name.startsWith("cpor.bench"))
                    .toList();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                    description.partitions().forEach(partition -> ends.put(new TopicPartition(name,
                            partition.partition()), OffsetSpec.latest())));
            return admin.listOffsets(ends).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }
}
