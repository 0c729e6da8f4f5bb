package io.cpor.local.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpor.events.claims.ClaimSubmitted;
import io.cpor.events.review.ReviewDecided;
import io.cpor.events.review.ReviewDecision;
import io.cpor.local.SampleEvents;
import io.cpor.schemas.Topic;
import io.cpor.schemas.Topics;
import io.cpor.schemas.serde.AvroDeserializer;
import io.cpor.schemas.serde.AvroSerdeConfig;
import io.cpor.schemas.serde.AvroSerializer;
import io.cpor.schemas.serde.HttpSchemaRegistryClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confluent's official Node.js client ({@code @confluentinc/schemaregistry}, from npm) against this registry and
 * the project's Java serde, both ways.
 */
class ConfluentNodeClientIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    private static SchemaRegistryServer registry;
    private static NodeClient node;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        registry = SchemaRegistryServer.start("127.0.0.1", 0, data);
        node = NodeClient.install();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void javaReadsAReviewDecisionThatConfluentsNodeSerializerWrote() throws Exception {
        new HttpSchemaRegistryClient(registry.url()).register(Topic.CLAIMS_REVIEW_DECISIONS.valueSubject(),
                Topic.CLAIMS_REVIEW_DECISIONS.valueSchema());
        ReviewDecided expected = SampleEvents.approval(java.util.UUID.randomUUID());
        String value = JSON.createObjectNode()
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("metadata", JSON.createObjectNode()
                        .put("eventId", expected.getMetadata().getEventId().toString())
                        .put("occurredAt", expected.getMetadata().getOccurredAt().toEpochMilli())
                        .put("claimId", expected.getMetadata().getClaimId().toString())
                        .put("causationId", expected.getMetadata().getCausationId().toString()))
                .put("decision", "APPROVE")
                .putNull("reason")
                .put("message", expected.getMessage())
                .put("validator", expected.getValidator())
                .putNull("reviewRequestId")
                .toString();

        byte[] bytes = HexFormat.of().parseHex(node.run("serialize", registry.url(), Topics.CLAIMS_REVIEW_DECISIONS,
                value));
        Object read = javaDeserializer().deserialize(Topics.CLAIMS_REVIEW_DECISIONS, bytes);

        assertThat(bytes[0]).isZero();
        assertThat(read).isEqualTo(expected);
        assertThat(((ReviewDecided) read).getDecision()).isEqualTo(ReviewDecision.APPROVE);
    }

    @Test
    void confluentsNodeDeserializerReadsAClaimEventThatJavaWrote() throws Exception {
        ClaimSubmitted submitted = SampleEvents.claimSubmitted();
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);

        byte[] bytes = serializer.serialize(Topics.CLAIMS_SUBMITTED, submitted);
        JsonNode read = JSON.readTree(node.run("deserialize", registry.url(), Topics.CLAIMS_SUBMITTED,
                HexFormat.of().formatHex(bytes)));

        assertThat(read.toString()).contains(submitted.getMetadata().getEventId().toString());
        JsonNode claim = read.findValue("claim");
        assertThat(claim.path("partnerId").asText()).isEqualTo("1000001");
        assertThat(claim.path("customer").path("tenantId").asText()).isEqualTo(SampleEvents.CONTOSO.toString());
        assertThat(claim.path("customer").path("locale").asText()).isEqualTo("pt-BR");
        assertThat(claim.path("workloads").toString()).isEqualTo("[\"TEAMS\",\"EXCHANGE_ONLINE\"]");
    }

    @Test
    void confluentsNodeClientRegistersAndFetchesSchemasAndIsRefusedAnIncompatibleOne() throws Exception {
        String v1 = "{\"type\":\"record\",\"name\":\"Reading\",\"namespace\":\"io.cpor.test\","
                + "\"fields\":[{\"name\":\"sensor\",\"type\":\"string\"}]}";
        String incompatible = v1.replace("}]}", "},{\"name\":\"site\",\"type\":\"string\"}]}");

        int id = Integer.parseInt(node.run("register", registry.url(), "readings-value", v1));
        int again = Integer.parseInt(node.run("register", registry.url(), "readings-value", v1));
        JsonNode latest = JSON.readTree(node.run("latest", registry.url(), "readings-value"));

        assertThat(again).isEqualTo(id);
        assertThat(latest.path("id").asInt()).isEqualTo(id);
        assertThat(latest.path("version").asInt()).isEqualTo(1);
        assertThat(new HttpSchemaRegistryClient(registry.url()).schemaById(id).getFullName())
                .isEqualTo("io.cpor.test.Reading");
        assertThatThrownBy(() -> node.run("register", registry.url(), "readings-value", incompatible))
                .hasMessageContaining("40901");
    }

    private static AvroDeserializer javaDeserializer() {
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return deserializer;
    }
}
