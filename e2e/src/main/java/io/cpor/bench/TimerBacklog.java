package io.cpor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpor.e2e.support.AvroConsumers;
import io.cpor.e2e.support.ClaimSpec;
import io.cpor.events.EventMetadata;
import io.cpor.events.associations.AssociationActivated;
import io.cpor.events.associations.AssociationRequested;
import io.cpor.events.notifications.CustomerNotified;
import io.cpor.events.outcomes.ClaimApproved;
import io.cpor.local.Endpoints;
import io.cpor.schemas.Topics;
import io.cpor.schemas.serde.AvroSerdeConfig;
import io.cpor.schemas.serde.AvroSerializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A backlog of decline timers all due at the same instant, fired by the association-service instances that run.
 * The associations come in through the contract: {@code ClaimApproved} for fresh sandbox tenants, then (with the
 * notification-service stopped, so no mail sets its own deadline) a {@code CustomerNotified} for each request with one
 * {@code declineBy} for all. Activations per second run from that instant to the publication of the last {@code AssociationActivated}.
 */
final class TimerBacklog {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one backlog measured. */
    record Run(int timers, double activationsPerSecond, boolean allStoredBeforeDue, Duration drained) {
    }

    private final Endpoints platform;
    private final String associationServiceUrl;

    TimerBacklog(Endpoints platform, String associationServiceUrl) {
        this.platform = platform;
        this.associationServiceUrl = associationServiceUrl;
    }

    Run run(int count) throws Exception {
        Map<UUID, AssociationRequested> requests = new ConcurrentHashMap<>();
        Map<UUID, Instant> activated = new ConcurrentHashMap<>();
        Set<UUID> ours = ConcurrentHashMap.newKeySet();
        try (KafkaConsumer<String, Object> consumer = consumer();
                KafkaProducer<String, Object> producer = producer()) {
            consumer.subscribe(List.of(Topics.ASSOCIATIONS_REQUESTS, Topics.ASSOCIATIONS_EVENTS));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.assignment().forEach(consumer::position);

            for (int i = 0; i < count; i++) {
                ClaimApproved approved = approved();
                ours.add(approved.getMetadata().getClaimId());
                producer.send(new ProducerRecord<>(Topics.CLAIMS_OUTCOMES,
                        approved.getMetadata().getClaimId().toString(), approved));
            }
            producer.flush();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (requests.size() < count && System.nanoTime() < deadline) {
                read(consumer, ours, requests, activated);
            }
            if (requests.size() < count) {
                throw new IllegalStateException("Timers: " + requests.size() + " of " + count + " requested");
            }

            // Time enough for the service to store every timer before they fall due; checked, not assumed.
            Instant due = Instant.now().plusSeconds(Math.max(20, count / 100)).truncatedTo(ChronoUnit.SECONDS);
            long pendingBefore = pendingTimers();
            for (AssociationRequested request : requests.values()) {
                CustomerNotified notified = notified(request, due);
                producer.send(new ProducerRecord<>(Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED,
                        request.getMetadata().getClaimId().toString(), notified));
            }
            producer.flush();
            boolean allStored = false;
            while (Instant.now().isBefore(due)) {
                if (!allStored && pendingTimers() - pendingBefore >= count) {
                    allStored = true;
                }
                read(consumer, ours, requests, activated);
            }
            deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (activated.size() < count && System.nanoTime() < deadline) {
                read(consumer, ours, requests, activated);
            }
            if (activated.size() < count) {
                throw new IllegalStateException("Timers: " + activated.size() + " of " + count + " activated");
            }
            Instant last = activated.values().stream().max(Instant::compareTo).orElseThrow();
            Duration drained = Duration.between(due, last);
            return new Run(count, count / Math.max(0.001, drained.toMillis() / 1000.0), allStored, drained);
        }
    }

    private static void read(KafkaConsumer<String, Object> consumer, Set<UUID> ours,
            Map<UUID, AssociationRequested> requests, Map<UUID, Instant> activated) {
        for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(100))) {
            if (record.value() instanceof AssociationRequested requested
                    && ours.contains(requested.getMetadata().getClaimId())) {
                requests.put(requested.getMetadata().getClaimId(), requested);
            }
            else if (record.value() instanceof AssociationActivated event
                    && ours.contains(event.getMetadata().getClaimId())) {
                // When it was published: the event's activatedAt is the deadline it honours, not the firing.
                activated.put(event.getMetadata().getClaimId(), Instant.ofEpochMilli(record.timestamp()));
            }
        }
    }

    /** Timers the association-service has stored and not fired, from its health endpoint. */
    private long pendingTimers() {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    associationServiceUrl + "/actuator/health/timers")).header("Authorization", "Bearer "
                            + io.cpor.local.testing.DemoTokens.of(platform, "demo-operator")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(answer.body()).path("details").path("pending").asLong();
        }
        catch (java.io.IOException e) {
            return -1;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static ClaimApproved approved() {
        return ClaimApproved.newBuilder().setMetadata(metadata(UUID.randomUUID()))
                .setClaim(ClaimSpec.fresh("1000001", "timer").workloads("TEAMS").claim()).setApprovedBy("bench")
                .build();
    }

    private static CustomerNotified notified(AssociationRequested request, Instant due) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return CustomerNotified.newBuilder().setMetadata(metadata(request.getMetadata().getClaimId()))
                .setRequestId(request.getRequestId()).setTenantId(request.getCustomer().getTenantId())
                .setPartnerId(request.getPartnerId()).setSentAt(now).setDeclineBy(due)
                .setMessageId("<" + request.getRequestId() + "@bench>").build();
    }

    private static EventMetadata metadata(UUID claimId) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setClaimId(claimId)
                .setCausationId(UUID.randomUUID()).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    private KafkaConsumer<String, Object> consumer() {
        return AvroConsumers.create(platform, "bench-timers", "latest",
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000));
    }

    private KafkaProducer<String, Object> producer() {
        Map<String, Object> settings = new HashMap<>();
        settings.putAll(platform.kafkaAdminSettings());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl());
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(settings, false);
        return new KafkaProducer<>(settings, new StringSerializer(), serializer);
    }
}
