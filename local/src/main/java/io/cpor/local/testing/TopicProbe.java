package io.cpor.local.testing;

import io.cpor.local.Endpoints;
import io.cpor.schemas.serde.AvroDeserializer;
import io.cpor.schemas.serde.AvroSerdeConfig;
import io.cpor.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads and writes the platform's topics the way the services do (the project serde), for tests, as the operator
 * principal (a super user of the broker).
 */
public final class TopicProbe {

    private final Endpoints platform;

    public TopicProbe(Endpoints platform) {
        this.platform = platform;
    }

    /** Publishes an event (Avro, Confluent wire format) and waits for the broker's acknowledgement. */
    public void send(String topic, String key, Object value) {
        sendAll(topic, List.of(Map.entry(key, value)));
    }

    /** Publishes events (key and value each) through one producer, in order; waits until each is acknowledged. */
    public void sendAll(String topic, List<? extends Map.Entry<String, ?>> records) {
        Map<String, Object> settings = producerSettings();
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(settings, false);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(settings, new StringSerializer(),
                serializer)) {
            List<Future<?>> acknowledgements = new ArrayList<>();
            for (Map.Entry<String, ?> record : records) {
                acknowledgements.add(producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())));
            }
            for (Future<?> acknowledgement : acknowledgements) {
                acknowledgement.get();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("Cannot send to " + topic, e.getCause());
        }
    }

    /** Publishes raw bytes (a poison record, for instance). */
    public void sendBytes(String topic, String key, byte[] value) {
        sendAllBytes(topic, List.of(Map.entry(key, value)));
    }

    /** Publishes raw records through one producer, in order; waits until each is acknowledged. */
    public void sendAllBytes(String topic, List<? extends Map.Entry<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings(),
                new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> acknowledgements = new ArrayList<>();
            for (Map.Entry<String, byte[]> record : records) {
                acknowledgements.add(producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())));
            }
            for (Future<?> acknowledgement : acknowledgements) {
                acknowledgement.get();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("Cannot send to " + topic, e.getCause());
        }
    }

    /**
     * Every record of the topic matching {@code wanted}, read from the beginning until {@code expected} are found
     * and nothing more arrives for {@code quiet}; fails after {@code timeout}.
     */
    public List<ConsumerRecord<String, Object>> read(String topic, Predicate<ConsumerRecord<String, Object>> wanted,
            int expected, Duration quiet, Duration timeout) {
        Map<String, Object> settings = consumerSettings();
        settings.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        AvroDeserializer avro = new AvroDeserializer();
        avro.configure(settings, false);
        // A poison record another test wrote must not stop this reader: it reads as Undecodable.
        org.apache.kafka.common.serialization.Deserializer<Object> values = (topicName, data) -> {
            try {
                return avro.deserialize(topicName, data);
            }
            catch (org.apache.kafka.common.errors.SerializationException e) {
                return new Undecodable(data, e.getMessage());
            }
        };
        return poll(new KafkaConsumer<>(settings, new StringDeserializer(), values), topic, wanted, expected, quiet,
                timeout);
    }

    /** A record that is not Avro in the Confluent wire format, as read by {@link #read}. */
    public record Undecodable(byte[] bytes, String why) {
    }

    /** Like {@link #read}, the values as the bytes they are (for dead-letter topics). */
    public List<ConsumerRecord<String, byte[]>> readBytes(String topic,
            Predicate<ConsumerRecord<String, byte[]>> wanted, int expected, Duration quiet, Duration timeout) {
        return poll(new KafkaConsumer<>(consumerSettings(), new StringDeserializer(), new ByteArrayDeserializer()),
                topic, wanted, expected, quiet, timeout);
    }

    private static <V> List<ConsumerRecord<String, V>> poll(KafkaConsumer<String, V> consumer, String topic,
            Predicate<ConsumerRecord<String, V>> wanted, int expected, Duration quiet, Duration timeout) {
        List<ConsumerRecord<String, V>> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (consumer) {
            consumer.subscribe(List.of(topic));
            long lastArrival = System.nanoTime();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.test(record)) {
                        found.add(record);
                        lastArrival = System.nanoTime();
                    }
                }
                if (found.size() >= expected && System.nanoTime() - lastArrival >= quiet.toNanos()) {
                    return found;
                }
            }
        }
        throw new AssertionError("Expected " + expected + " record(s) on " + topic + " within " + timeout
                + ", found " + found.size());
    }

    private Map<String, Object> producerSettings() {
        Map<String, Object> settings = new HashMap<>(platform.kafkaAdminSettings());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl());
        return settings;
    }

    private Map<String, Object> consumerSettings() {
        Map<String, Object> settings = new HashMap<>(platform.kafkaAdminSettings());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl());
        return settings;
    }
}
