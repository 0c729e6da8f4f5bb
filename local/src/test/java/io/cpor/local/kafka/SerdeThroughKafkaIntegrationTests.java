package io.cpor.local.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cpor.events.claims.ClaimSubmitted;
import io.cpor.events.review.ReviewDecided;
import io.cpor.local.Endpoints;
import io.cpor.local.SampleEvents;
import io.cpor.local.testing.EmbeddedPlatform;
import io.cpor.schemas.Topics;
import io.cpor.schemas.serde.AvroDeserializer;
import io.cpor.schemas.serde.AvroSerdeConfig;
import io.cpor.schemas.serde.AvroSerializer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/** The project serde through the real broker and registry of the embedded platform. */
@EmbeddedPlatform
class SerdeThroughKafkaIntegrationTests {

    @Test
    void roundTripsASpecificRecordThroughTheBroker(Endpoints platform) {
        ClaimSubmitted submitted = SampleEvents.claimSubmitted();
        String key = submitted.getMetadata().getClaimId().toString();

        try (KafkaProducer<String, Object> producer = avroProducer(platform)) {
            producer.send(new ProducerRecord<>(Topics.CLAIMS_SUBMITTED, key, submitted)).get();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }

        List<ConsumerRecord<String, Object>> read = readAll(platform, Topics.CLAIMS_SUBMITTED, true,
                record -> key.equals(record.key()));
        assertThat(read).singleElement().extracting(ConsumerRecord::value).isEqualTo(submitted);
    }

    @Test
    void roundTripsAGenericRecordThroughTheBroker(Endpoints platform) throws Exception {
        ReviewDecided decided = SampleEvents.approval(UUID.randomUUID());
        GenericRecord generic = (GenericRecord) GenericData.get().deepCopy(ReviewDecided.getClassSchema(), decided);
        String key = decided.getMetadata().getClaimId().toString();

        try (KafkaProducer<String, Object> producer = avroProducer(platform,
                Map.of(AvroSerdeConfig.AVRO_USE_LOGICAL_TYPE_CONVERTERS, true))) {
            producer.send(new ProducerRecord<>(Topics.CLAIMS_REVIEW_DECISIONS, key, generic)).get();
        }

        List<ConsumerRecord<String, Object>> read = readAll(platform, Topics.CLAIMS_REVIEW_DECISIONS, false,
                record -> key.equals(record.key()));
        GenericRecord value = (GenericRecord) read.get(0).value();
        assertThat(value.get("validator").toString()).isEqualTo("validator-tool");
        assertThat(value.get("decision").toString()).isEqualTo("APPROVE");
        assertThat(((GenericRecord) value.get("metadata")).get("claimId").toString()).isEqualTo(key);
    }

    @Test
    void routesPoisonRecordsToTheDeadLetterTwinWithTheCauseAndMovesOn(Endpoints platform) throws Exception {
        // A topic of its own, so the poison does not reach other tests reading the contract topics.
        String topic = "poison-" + UUID.randomUUID();
        try (Admin admin = Admin.create(platform.kafkaAdminSettings())) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1),
                    new NewTopic(topic + Topics.DEAD_LETTER_SUFFIX, 2, (short) 1))).all().get();
        }
        byte[] notAvro = "{\"garbage\":true}".getBytes(StandardCharsets.UTF_8);
        byte[] unknownId = ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).putInt(42).array();
        ReviewDecided good = SampleEvents.approval(UUID.randomUUID());
        List<Object> handled = new CopyOnWriteArrayList<>();
        KafkaMessageListenerContainer<String, Object> container = listener(platform, topic, handled);
        container.start();
        try {
            try (KafkaProducer<String, byte[]> raw = rawProducer(platform);
                    KafkaProducer<String, Object> avro = avroProducer(platform)) {
                raw.send(new ProducerRecord<>(topic, "k", notAvro)).get();
                raw.send(new ProducerRecord<>(topic, "k", unknownId)).get();
                avro.send(new ProducerRecord<>(topic, "k", good)).get();
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> handled.contains(good));
            List<ConsumerRecord<String, byte[]>> dead = readRaw(platform, topic + Topics.DEAD_LETTER_SUFFIX, "k", 2);
            assertThat(dead).extracting(ConsumerRecord::value).containsExactly(notAvro, unknownId);
            assertThat(header(dead.get(0), "kafka_dlt-exception-stacktrace")).contains("unknown magic byte 0x7b");
            assertThat(header(dead.get(1), "kafka_dlt-exception-stacktrace")).contains("Unknown schema id 987654");
            assertThat(header(dead.get(0), "kafka_dlt-exception-cause-fqcn"))
                    .isEqualTo("org.springframework.kafka.support.serializer.DeserializationException");
            assertThat(header(dead.get(0), "kafka_dlt-original-topic")).isEqualTo(topic);
            assertThat(handled).containsExactly(good);
        }
        finally {
            container.stop();
        }
    }

    private static KafkaMessageListenerContainer<String, Object> listener(Endpoints platform, String topic,
            List<Object> handled) {
        Map<String, Object> consumer = new HashMap<>();
        consumer.putAll(platform.kafkaAdminSettings());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "group-" + topic);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        consumer.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, AvroDeserializer.class);
        consumer.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl());
        consumer.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setMessageListener((MessageListener<String, Object>) record -> handled.add(record.value()));
        KafkaMessageListenerContainer<String, Object> container = new KafkaMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(consumer), properties);
        Map<String, Object> producer = new HashMap<>(platform.kafkaAdminSettings());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        KafkaTemplate<Object, Object> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
        // Spring Kafka 4 names dead-letter topics <topic>-dlt by default; the contract's twins are <topic>.DLT.
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX,
                        record.partition()));
        container.setCommonErrorHandler(new DefaultErrorHandler(recoverer, new FixedBackOff(0, 2)));
        return container;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static KafkaProducer<String, Object> avroProducer(Endpoints platform) {
        return avroProducer(platform, Map.of());
    }

    static KafkaProducer<String, Object> avroProducer(Endpoints platform, Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(extra);
        settings.putAll(platform.kafkaAdminSettings());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl());
        return new KafkaProducer<>(settings, new StringSerializer(), configured(new AvroSerializer(), settings));
    }

    private static KafkaProducer<String, byte[]> rawProducer(Endpoints platform) {
        return new KafkaProducer<>(platform.kafkaAdminSettings(), new StringSerializer(), new ByteArraySerializer());
    }

    private static AvroSerializer configured(AvroSerializer serializer, Map<String, Object> settings) {
        serializer.configure(settings, false);
        return serializer;
    }

    static List<ConsumerRecord<String, Object>> readAll(Endpoints platform, String topic, boolean specific,
            java.util.function.Predicate<ConsumerRecord<String, Object>> wanted) {
        Map<String, Object> settings = new HashMap<>();
        settings.putAll(platform.kafkaAdminSettings());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl());
        settings.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, specific);
        AvroDeserializer values = new AvroDeserializer();
        values.configure(settings, false);
        List<ConsumerRecord<String, Object>> found = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                values)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found;
    }

    private static List<ConsumerRecord<String, byte[]>> readRaw(Endpoints platform, String topic, String key,
            int count) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        Map<String, Object> settings = new HashMap<>(platform.kafkaAdminSettings());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "raw-" + UUID.randomUUID());
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }
}
