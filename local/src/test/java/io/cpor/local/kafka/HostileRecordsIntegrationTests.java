package io.cpor.local.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpor.local.Endpoints;
import io.cpor.local.testing.EmbeddedPlatform;
import io.cpor.local.testing.HostileAvro;
import io.cpor.schemas.Topic;
import io.cpor.schemas.serde.AvroDeserializer;
import io.cpor.schemas.serde.AvroSerdeConfig;
import io.cpor.schemas.serde.HttpSchemaRegistryClient;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every lie {@link HostileAvro} tells about each contract topic's schema, in the wire format with the topic's real
 * schema id from the platform's registry: the deserializer the services use refuses each with a
 * {@link SerializationException}, and reads the smallest honest record of the same schema.
 */
@EmbeddedPlatform
class HostileRecordsIntegrationTests {

    @ParameterizedTest
    @EnumSource(Topic.class)
    void everyLieAboutALengthOrCountIsRefusedAndTheHonestRecordIsRead(Topic topic, Endpoints platform) {
        HttpSchemaRegistryClient registry = new HttpSchemaRegistryClient(platform.schemaRegistryUrl());
        int id = registry.register(topic.valueSubject(), topic.valueSchema());
        AvroDeserializer deserializer = deserializer(platform);
        List<HostileAvro.Body> lies = HostileAvro.lies(topic.valueSchema());

        assertThat(deserializer.deserialize(topic.topicName(), framed(id, HostileAvro.valid(topic.valueSchema()))))
                .isNotNull();
        assertThat(lies).hasSizeGreaterThan(30);
        for (HostileAvro.Body lie : lies) {
            assertThatThrownBy(() -> deserializer.deserialize(topic.topicName(), framed(id, lie.avro())))
                    .as("%s: %s", topic.topicName(), lie.lie())
                    .isInstanceOf(SerializationException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void anHonestRecordOfAnotherTopicsSchemaIsRefused(Topic topic, Endpoints platform) {
        HttpSchemaRegistryClient registry = new HttpSchemaRegistryClient(platform.schemaRegistryUrl());
        registry.register(topic.valueSubject(), topic.valueSchema());
        Topic other = topic == Topic.CLAIMS_SUBMITTED ? Topic.CLAIMS_REVIEW_DECISIONS : Topic.CLAIMS_SUBMITTED;
        int otherId = registry.register(other.valueSubject(), other.valueSchema());

        assertThatThrownBy(() -> deserializer(platform).deserialize(topic.topicName(), framed(otherId,
                HostileAvro.valid(other.valueSchema()))))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not registered under the topic's subject " + topic.valueSubject());
    }

    private static AvroDeserializer deserializer(Endpoints platform) {
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(new HashMap<>(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                platform.schemaRegistryUrl(), AvroSerdeConfig.SPECIFIC_AVRO_READER, true)), false);
        return deserializer;
    }

    private static byte[] framed(int schemaId, byte[] avro) {
        return ByteBuffer.allocate(5 + avro.length).put((byte) 0).putInt(schemaId).put(avro).array();
    }
}
