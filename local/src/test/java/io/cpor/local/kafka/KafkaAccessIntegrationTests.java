package io.cpor.local.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cpor.local.Endpoints;
import io.cpor.local.SampleEvents;
import io.cpor.local.testing.EmbeddedPlatform;
import io.cpor.schemas.Topics;
import io.cpor.schemas.serde.AvroSerdeConfig;
import io.cpor.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The platform's broker as whoever reaches it: without a principal, or with a wrong password, nothing; each service
 * writes only the topics it owns; a validator tool writes decisions and reads reviews in its own groups only.
 */
@EmbeddedPlatform
class KafkaAccessIntegrationTests {

    /** Not a record anyone reads: it only ever reaches a dead-letter topic or is refused. */
    private static final byte[] BYTES = {0, 0, 0, 0, 1, 2};

    @BeforeEach
    void onlyWhereThePlatformRunsItsOwnBroker(Endpoints platform) {
        // A test container's broker (PlatformMode CONTAINERS) takes no principals.
        assumeTrue(platform.kafkaSasl(), "the broker is a plain test container");
    }

    @Test
    void aClientWithoutAPrincipalCannotWriteAnything(Endpoints platform) {
        Map<String, Object> anonymous = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafkaBootstrapServers(), ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);

        assertThatThrownBy(() -> send(anonymous, Topics.CLAIMS_OUTCOMES))
                .hasMessageContaining("Topic " + Topics.CLAIMS_OUTCOMES + " not present in metadata");
    }

    @Test
    void aWrongPasswordIsRefused(Endpoints platform) {
        Map<String, Object> settings = new HashMap<>(platform.kafkaBootstrapSettings());
        settings.putAll(KafkaAccess.clientSettings("claim-service", "guessed"));

        assertThatThrownBy(() -> send(settings, Topics.CLAIMS_SUBMITTED))
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void aServiceWritesTheTopicsItOwnsAndNoOther(Endpoints platform) throws Exception {
        Map<String, Object> claims = platform.kafkaClientSettings("claim-service");

        send(claims, Topics.CLAIMS_SUBMITTED, honest(platform, Topics.CLAIMS_SUBMITTED,
                SampleEvents.claimSubmitted()));
        assertThatThrownBy(() -> send(claims, Topics.CLAIMS_OUTCOMES))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(claims, Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        // The dead-letter twin of a topic it reads, yes; that of a topic it does not, no.
        send(claims, Topics.CLAIMS_OUTCOMES + Topics.DEAD_LETTER_SUFFIX);
        assertThatThrownBy(() -> send(claims, Topics.CLAIMS_SUBMITTED + Topics.DEAD_LETTER_SUFFIX))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aValidatorToolWritesDecisionsOnlyAndReadsReviewsInItsOwnGroups(Endpoints platform) throws Exception {
        Map<String, Object> validator = platform.kafkaClientSettings(KafkaAccess.VALIDATOR);

        // An honest record: the topic is shared with the other tests, which read it with the Avro deserializer.
        send(validator, Topics.CLAIMS_REVIEW_DECISIONS, honest(platform, Topics.CLAIMS_REVIEW_DECISIONS,
                SampleEvents.approval(UUID.randomUUID())));
        assertThatThrownBy(() -> send(validator, Topics.CLAIMS_OUTCOMES))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThat(poll(validator, KafkaAccess.VALIDATOR_GROUP_PREFIX + UUID.randomUUID(), Topics.CLAIMS_REVIEW))
                .isTrue();
        assertThatThrownBy(() -> poll(validator, "claim-updates", Topics.CLAIMS_REVIEW))
                .isInstanceOf(GroupAuthorizationException.class);
        assertThatThrownBy(() -> poll(validator, KafkaAccess.VALIDATOR_GROUP_PREFIX + UUID.randomUUID(),
                Topics.CLAIMS_OUTCOMES)).isInstanceOf(TopicAuthorizationException.class);
    }

    private static void send(Map<String, Object> settings, String topic) throws Exception {
        send(settings, topic, BYTES);
    }

    private static byte[] honest(Endpoints platform, String topic, Object event) {
        try (AvroSerializer serializer = new AvroSerializer()) {
            serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl()), false);
            return serializer.serialize(topic, event);
        }
    }

    private static void send(Map<String, Object> settings, String topic, byte[] value) throws Exception {
        Map<String, Object> producer = new HashMap<>(settings);
        producer.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, byte[]> client = new KafkaProducer<>(producer, new StringSerializer(),
                new ByteArraySerializer())) {
            client.send(new ProducerRecord<>(topic, "access-test", value)).get();
        }
        catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? new IllegalStateException(cause) : e;
        }
    }

    /** Polls the topic once it is assigned; true when the broker let the consumer in. */
    private static boolean poll(Map<String, Object> settings, String group, String topic) {
        Map<String, Object> consumer = new HashMap<>(settings);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        try (KafkaConsumer<String, byte[]> client = new KafkaConsumer<>(consumer, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            client.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (client.assignment().isEmpty() && System.nanoTime() < deadline) {
                client.poll(Duration.ofMillis(200));
            }
            return !client.assignment().isEmpty();
        }
    }
}
