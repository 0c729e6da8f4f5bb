package io.cpor.e2e.support;

import io.cpor.local.Endpoints;
import io.cpor.local.kafka.KafkaAccess;
import io.cpor.schemas.serde.AvroDeserializer;
import io.cpor.schemas.serde.AvroSerdeConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Consumers of the contract's events for tools that watch the topics (a validator tool, the benchmark): generated
 * classes through the project serde, a group of their own, and poison (which fault tests write) read as null
 * rather than stopping the reader.
 */
public final class AvroConsumers {

    private AvroConsumers() {
    }

    /**
     * A consumer in a fresh group named {@code groupPrefix-<uuid>}, starting at {@code earliest} or {@code latest},
     * as the operator principal.
     */
    public static KafkaConsumer<String, Object> create(Endpoints platform, String groupPrefix, String offsetReset,
            Map<String, Object> more) {
        return create(platform, KafkaAccess.ADMIN, groupPrefix, offsetReset, more);
    }

    /** The same, as {@code principal} (which must be allowed the group and the topics it reads). */
    public static KafkaConsumer<String, Object> create(Endpoints platform, String principal, String groupPrefix,
            String offsetReset, Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(more);
        settings.putAll(platform.kafkaClientSettings(principal));
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + "-" + UUID.randomUUID());
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, offsetReset);
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl());
        settings.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        AvroDeserializer avro = new AvroDeserializer();
        avro.configure(settings, false);
        return new KafkaConsumer<>(settings, new StringDeserializer(), (topic, data) -> {
            try {
                return avro.deserialize(topic, data);
            }
            catch (SerializationException poison) {
                return null;
            }
        });
    }
}
