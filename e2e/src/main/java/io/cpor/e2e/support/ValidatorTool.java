package io.cpor.e2e.support;

import io.cpor.events.EventMetadata;
import io.cpor.events.review.ReviewDecided;
import io.cpor.events.review.ReviewDecision;
import io.cpor.events.review.ReviewRequested;
import io.cpor.local.Endpoints;
import io.cpor.local.kafka.KafkaAccess;
import io.cpor.schemas.EventIds;
import io.cpor.schemas.Topics;
import io.cpor.schemas.serde.AvroSerdeConfig;
import io.cpor.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A validator tool of Microsoft's as DESIGN.md has them: it reads {@code cpor.claims.review} and answers on
 * {@code cpor.claims.review-decisions}. A policy decides each review (or leaves it to others); the decision id is
 * derived from the review request, so a review read twice gets the same decision twice (which the service applies
 * once). It rides out broker restarts: an unsent decision is sent again until the broker takes it.
 */
public final class ValidatorTool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ValidatorTool.class);

    /** What the tool decides for a review: APPROVE, REJECT, KEEP_HOLDER, ..., or null to leave it alone. */
    @FunctionalInterface
    public interface Policy {
        ReviewDecision decide(ReviewRequested review);
    }

    private final Endpoints platform;
    private final Policy policy;
    private final java.util.function.BiConsumer<ReviewRequested, ReviewDecided> onSent;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger decisions = new AtomicInteger();
    private final Thread worker;

    private ValidatorTool(Endpoints platform, Policy policy,
            java.util.function.BiConsumer<ReviewRequested, ReviewDecided> onSent) {
        this.platform = platform;
        this.policy = policy;
        this.onSent = onSent;
        this.worker = new Thread(this::work, "validator-tool");
    }

    public static ValidatorTool start(Endpoints platform, Policy policy) {
        return start(platform, policy, (review, decided) -> { });
    }

    /** A tool that also tells {@code onSent} of each decision the broker took. */
    public static ValidatorTool start(Endpoints platform, Policy policy,
            java.util.function.BiConsumer<ReviewRequested, ReviewDecided> onSent) {
        ValidatorTool tool = new ValidatorTool(platform, policy, onSent);
        tool.worker.start();
        return tool;
    }

    /** Decisions sent so far (a review read again counts again). */
    public int decisions() {
        return decisions.get();
    }

    private void work() {
        Map<String, Object> producerSettings = settings();
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        producerSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(producerSettings, false);
        // Poison on the review topic (a fault test writes some) is not the tool's to judge: it reads as null.
        try (KafkaConsumer<String, Object> consumer = AvroConsumers.create(platform, KafkaAccess.VALIDATOR,
                KafkaAccess.VALIDATOR_GROUP_PREFIX + "e2e-tool", "earliest",
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
                KafkaProducer<String, Object> producer = new KafkaProducer<>(producerSettings,
                        new StringSerializer(), serializer)) {
            consumer.subscribe(List.of(Topics.CLAIMS_REVIEW));
            while (running.get()) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(300))) {
                    if (record.value() instanceof ReviewRequested review) {
                        ReviewDecision decision = policy.decide(review);
                        if (decision != null) {
                            ReviewDecided decided = decided(review, decision);
                            sendUntilTaken(producer, decided);
                            onSent.accept(review, decided);
                        }
                    }
                }
            }
        }
        catch (RuntimeException e) {
            log.error("The validator tool stopped", e);
        }
    }

    private static ReviewDecided decided(ReviewRequested review, ReviewDecision decision) {
        UUID reviewId = review.getMetadata().getEventId();
        return ReviewDecided.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(EventIds.derive(reviewId, "e2e-validator-tool"))
                        .setClaimId(review.getMetadata().getClaimId()).setCausationId(reviewId)
                        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build())
                .setDecision(decision)
                .setReason(decision == ReviewDecision.REJECT ? "The proof of execution shows a pilot, not a deployment"
                        : null)
                .setMessage(decision == ReviewDecision.REQUEST_INFORMATION ? "Attach the signed statement of work"
                        : null).setValidator("e2e-validator-tool").setReviewRequestId(reviewId).build();
    }

    private void sendUntilTaken(KafkaProducer<String, Object> producer, ReviewDecided decided) {
        String key = decided.getMetadata().getClaimId().toString();
        while (running.get()) {
            try {
                producer.send(new ProducerRecord<>(Topics.CLAIMS_REVIEW_DECISIONS, key, decided)).get();
                decisions.incrementAndGet();
                return;
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (java.util.concurrent.ExecutionException e) {
                log.warn("Decision for {} not sent yet: {}", key, e.getCause().toString());
            }
        }
    }

    private Map<String, Object> settings() {
        // A validator tool is who the broker knows it as: demo-validator, which may write decisions and nothing else.
        Map<String, Object> settings = new HashMap<>(platform.kafkaClientSettings(KafkaAccess.VALIDATOR));
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl());
        return settings;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        worker.join(10_000);
    }
}
