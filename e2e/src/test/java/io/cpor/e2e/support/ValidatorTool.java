package io.cpor.e2e.support;

import io.cpor.events.EventMetadata;
import io.cpor.events.review.ReviewDecided;
import io.cpor.events.review.ReviewDecision;
import io.cpor.events.review.ReviewRequested;
import io.cpor.local.Endpoints;
import io.cpor.schemas.EventIds;
import io.cpor.schemas.Topics;
import io.cpor.schemas.serde.AvroDeserializer;
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
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A validator tool of Microsoft's as DESIGN.md has them: it reads {@code cpor.claims.review} and answers on
 * {@code cpor.claims.review-decisions}. It decides the stream's claims as their names say, with a decision id derived
 * from the review request, so a review read twice gets the same decision twice (which the service applies once).
 * It rides out broker restarts: an unsent decision is sent again until the broker takes it.
 */
public final class ValidatorTool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ValidatorTool.class);

    private final Endpoints platform;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger decisions = new AtomicInteger();
    private final Thread worker;

    private ValidatorTool(Endpoints platform) {
        this.platform = platform;
        this.worker = new Thread(this::work, "validator-tool");
    }

    public static ValidatorTool start(Endpoints platform) {
        ValidatorTool tool = new ValidatorTool(platform);
        tool.worker.start();
        return tool;
    }

    /** Decisions sent so far (a review read again counts again). */
    public int decisions() {
        return decisions.get();
    }

    private void work() {
        Map<String, Object> consumerSettings = settings();
        consumerSettings.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-validator-tool-" + UUID.randomUUID());
        consumerSettings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerSettings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerSettings.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        Map<String, Object> producerSettings = settings();
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        producerSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        AvroDeserializer avro = new AvroDeserializer();
        avro.configure(consumerSettings, false);
        // Poison on the review topic (a fault test writes some) is not the tool's to judge: it skips it.
        Deserializer<Object> values = (topic, data) -> {
            try {
                return avro.deserialize(topic, data);
            }
            catch (SerializationException poison) {
                return null;
            }
        };
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(producerSettings, false);
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerSettings,
                new StringDeserializer(), values);
                KafkaProducer<String, Object> producer = new KafkaProducer<>(producerSettings,
                        new StringSerializer(), serializer)) {
            consumer.subscribe(List.of(Topics.CLAIMS_REVIEW));
            while (running.get()) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(300))) {
                    if (record.value() instanceof ReviewRequested review
                            && review.getClaim().getName().startsWith(ClaimStream.NAME_PREFIX)) {
                        sendUntilTaken(producer, decide(review));
                    }
                }
            }
        }
        catch (RuntimeException e) {
            log.error("The validator tool stopped", e);
        }
    }

    private static ReviewDecided decide(ReviewRequested review) {
        ClaimStream.Fate fate = ClaimStream.Fate.of(review.getClaim().getName().toString());
        boolean approve = fate != ClaimStream.Fate.REJECT;
        UUID reviewId = review.getMetadata().getEventId();
        return ReviewDecided.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(EventIds.derive(reviewId, "e2e-validator-tool"))
                        .setClaimId(review.getMetadata().getClaimId()).setCausationId(reviewId)
                        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build())
                .setDecision(approve ? ReviewDecision.APPROVE : ReviewDecision.REJECT)
                .setReason(approve ? null : "The proof of execution shows a pilot, not a deployment")
                .setMessage(null).setValidator("e2e-validator-tool").setReviewRequestId(reviewId).build();
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
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl());
        return settings;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        worker.join(10_000);
    }
}
