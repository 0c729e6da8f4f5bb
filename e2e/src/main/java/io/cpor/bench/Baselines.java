package io.cpor.bench;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.cpor.local.Endpoints;
import io.cpor.schemas.Topics;
import io.cpor.schemas.serde.AvroDeserializer;
import io.cpor.schemas.serde.AvroSerdeConfig;
import io.cpor.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the platform does alone, on the same machine in the same run: Avro events through the project serde to the
 * broker and back, and documents inserted then conditionally updated through the MongoDB wire server, with the
 * settings the services use (acks=all and idempotence; one reply per command, committed before it is sent).
 */
final class Baselines {

    private static final String TOPIC = "cpor.bench.baseline";

    private Baselines() {
    }

    /** Events per second produced and consumed, end to end, of {@code event} sent {@code count} times. */
    static double kafka(Endpoints platform, Object event, int count) throws Exception {
        Map<String, Object> common = platform.kafkaAdminSettings();
        try (Admin admin = Admin.create(common)) {
            int partitions = admin.describeTopics(List.of(Topics.CLAIMS_SUBMITTED)).allTopicNames().get()
                    .get(Topics.CLAIMS_SUBMITTED).partitions().size();
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get();
            }
        }
        Map<String, Object> consumerSettings = new HashMap<>(common);
        consumerSettings.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        consumerSettings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        consumerSettings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl());
        consumerSettings.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        Map<String, Object> producerSettings = new HashMap<>(common);
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        producerSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerSettings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerSettings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl());
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(producerSettings, false);
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(consumerSettings, false);
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerSettings, new StringDeserializer(),
                deserializer);
                KafkaProducer<String, Object> producer = new KafkaProducer<>(producerSettings, new StringSerializer(),
                        serializer)) {
            consumer.subscribe(List.of(TOPIC));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            // One event first, so the schema is registered and cached before the clock starts.
            producer.send(new ProducerRecord<>(TOPIC, "warm-up", event)).get();
            long consumedWarmUp = 0;
            while (consumedWarmUp == 0) {
                consumedWarmUp = consumer.poll(Duration.ofMillis(100)).count();
            }
            long began = System.nanoTime();
            Thread sending = new Thread(() -> {
                for (int i = 0; i < count; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, Integer.toString(i), event));
                }
                producer.flush();
            }, "bench-producer");
            sending.start();
            long consumed = 0;
            while (consumed < count) {
                ConsumerRecords<String, Object> records = consumer.poll(Duration.ofMillis(200));
                consumed += records.count();
                if (System.nanoTime() - began > TimeUnit.MINUTES.toNanos(5)) {
                    throw new IllegalStateException("Kafka baseline: " + consumed + " of " + count + " in 5 minutes");
                }
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            sending.join();
            return count / seconds;
        }
        finally {
            try (Admin admin = Admin.create(common)) {
                admin.deleteTopics(List.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Operations per second: {@code count} inserts of {@code size}-byte documents, then a guarded update of each. */
    static double mongo(Endpoints platform, int size, int count, int concurrency) {
        try (MongoClient client = MongoClients.create(platform.mongoUri())) {
            MongoCollection<Document> collection = client.getDatabase("bench").getCollection("baseline");
            Mono.from(collection.drop()).block();
            String payload = "x".repeat(size);
            long began = System.nanoTime();
            Flux.range(0, count).flatMap(i -> Mono.from(collection.insertOne(new Document("_id", "d" + i)
                    .append("state", "NEW").append("payload", payload))), concurrency).blockLast();
            AtomicLong updated = new AtomicLong();
            Flux.range(0, count).flatMap(i -> Mono.from(collection.updateOne(Filters.and(Filters.eq("_id", "d" + i),
                    Filters.eq("state", "NEW")), Updates.set("state", "DONE"))), concurrency)
                    .doOnNext(result -> updated.addAndGet(result.getModifiedCount())).blockLast();
            double seconds = (System.nanoTime() - began) / 1e9;
            if (updated.get() != count) {
                throw new IllegalStateException("Mongo baseline: " + updated.get() + " of " + count + " updated");
            }
            Mono.from(collection.drop()).block();
            return 2.0 * count / seconds;
        }
    }

    /**
     * The writes the server counted so far (documents inserted, updated, taken, deleted), by
     * {@code database.collection}, and their sum under {@code ""}.
     */
    static Map<String, Long> mongoWrites(Endpoints platform) {
        try (MongoClient client = MongoClients.create(platform.mongoUri())) {
            Document status = Mono.from(client.getDatabase("admin").runCommand(new Document("serverStatus", 1)))
                    .block(Duration.ofSeconds(10));
            Map<String, Long> writes = new TreeMap<>();
            writes.put("", ((Number) status.get("cporWrites")).longValue());
            status.get("cporWritesByCollection", Document.class)
                    .forEach((collection, count) -> writes.put(collection, ((Number) count).longValue()));
            return writes;
        }
    }

}
