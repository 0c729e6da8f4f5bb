package io.cpor.local.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cpor.schemas.serde.AvroDeserializer;
import io.cpor.schemas.serde.AvroSerdeConfig;
import io.cpor.schemas.serde.AvroSerializer;
import io.cpor.schemas.serde.HttpSchemaRegistryClient;
import io.cpor.schemas.serde.RegisteredSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's serde with schemas that carry data contracts, against the real registry: the version chosen by
 * metadata, the contract kept whole, and rules it cannot run taking their failure action instead of being ignored.
 */
class DataContractSerdeIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "readings";
    private static final Schema V1 = new Schema.Parser().parse("""
            {"type":"record","name":"Reading","namespace":"io.cpor.test",
             "fields":[{"name":"sensor","type":"string"}]}""");
    private static final Schema V2 = new Schema.Parser().parse("""
            {"type":"record","name":"Reading","namespace":"io.cpor.test",
             "fields":[{"name":"sensor","type":"string"},{"name":"site","type":"string","default":"unknown"}]}""");

    @TempDir
    Path data;

    private SchemaRegistryServer registry;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        registry = SchemaRegistryServer.start("127.0.0.1", 0, data);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void writesWithTheVersionWhoseMetadataMatches() throws Exception {
        int major1 = register(V1, major("1"), null);
        register(V2, major("2"), null);

        byte[] bytes = serializer(Map.of(AvroSerdeConfig.USE_LATEST_WITH_METADATA, "application.major.version=1"))
                .serialize(TOPIC, reading(V1));

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(major1);
    }

    @Test
    void keepsTheWholeContractOfAVersion() throws Exception {
        register(V1, major("1"), rules("""
                {"domainRules":[{"name":"sensorNamed","kind":"CONDITION","mode":"READ","type":"CEL",
                 "expr":"message.sensor != ''","params":{"b":"2","a":"1"},"onFailure":"DLQ"}]}"""));

        RegisteredSchema latest = new HttpSchemaRegistryClient(registry.url()).latest(TOPIC + "-value");

        assertThat(latest.contract().metadata().properties()).containsEntry("application.major.version", "1");
        var rule = latest.contract().ruleSet().domainRules().get(0);
        assertThat(rule.name()).isEqualTo("sensorNamed");
        assertThat(rule.expr()).isEqualTo("message.sensor != ''");
        assertThat(rule.params()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(rule.onFailure()).isEqualTo("DLQ");
    }

    @Test
    void aWriteRuleItCannotRunRefusesTheRecordNamingTheRule() throws Exception {
        register(V1, major("1"), rules("""
                {"domainRules":[{"name":"sensorNamed","kind":"CONDITION","mode":"WRITE","type":"CEL",
                 "expr":"message.sensor != ''"}]}"""));

        assertThatThrownBy(() -> serializer(Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true))
                .serialize(TOPIC, reading(V1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Rule sensorNamed (CEL, WRITE)")
                .hasMessageContaining("no executor for rules of type CEL");
    }

    @Test
    void aRuleWhoseFailureActionIsNoneADisabledOneAndOneForServersLetTheRecordThrough() throws Exception {
        for (String ruleSet : new String[] {
                "{\"domainRules\":[{\"name\":\"r\",\"mode\":\"WRITE\",\"type\":\"CEL\",\"onFailure\":\"NONE\"}]}",
                "{\"domainRules\":[{\"name\":\"r\",\"mode\":\"WRITE\",\"type\":\"CEL\",\"disabled\":true}]}",
                "{\"domainRules\":[{\"name\":\"r\",\"mode\":\"WRITE\",\"type\":\"CEL\"}],\"enableAt\":\"SERVER\"}",
                "{\"domainRules\":[{\"name\":\"r\",\"mode\":\"READ\",\"type\":\"CEL\"}]}"}) {
            String subject = "case" + Math.abs(ruleSet.hashCode());
            register(subject + "-value", V1, major("1"), rules(ruleSet));

            byte[] bytes = serializer(Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true)).serialize(subject,
                    reading(V1));

            assertThat(bytes).as(ruleSet).isNotEmpty();
        }
    }

    @Test
    void aReadRuleItCannotRunRefusesTheRecordOnRead() throws Exception {
        register(V1, major("1"), rules("""
                {"domainRules":[{"name":"maskSensor","mode":"READ","type":"CEL_FIELD","expr":"'***'"}]}"""));
        byte[] bytes = serializer(Map.of()).serialize(TOPIC, reading(V1));

        assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Rule maskSensor (CEL_FIELD, READ)");
    }

    @Test
    void readsAsTheVersionChosenByMetadataThroughAvroResolution() throws Exception {
        register(V1, major("1"), null);
        register(V2, major("2"), null);
        byte[] bytes = serializer(Map.of(AvroSerdeConfig.USE_LATEST_WITH_METADATA, "application.major.version=1"))
                .serialize(TOPIC, reading(V1));

        Object read = deserializer(Map.of(AvroSerdeConfig.USE_LATEST_WITH_METADATA, "application.major.version=2"))
                .deserialize(TOPIC, bytes);

        assertThat(read.toString()).isEqualTo("{\"sensor\": \"door\", \"site\": \"unknown\"}");
    }

    @Test
    void aMigrationRuleOnTheWayToTheReaderVersionRefusesTheRecordUnlessItsActionIsNone() throws Exception {
        register(V1, major("1"), null);
        register(V2, major("2"), rules("""
                {"migrationRules":[{"name":"addSite","mode":"UPGRADE","type":"JSONATA","expr":"$"}]}"""));
        byte[] bytes = serializer(Map.of(AvroSerdeConfig.USE_LATEST_WITH_METADATA, "application.major.version=1"))
                .serialize(TOPIC, reading(V1));

        assertThatThrownBy(() -> deserializer(Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true))
                .deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Rule addSite (JSONATA, UPGRADE)");
        assertThat(deserializer(Map.of()).deserialize(TOPIC, bytes).toString())
                .as("read as written, no migration").isEqualTo("{\"sensor\": \"door\"}");
    }

    private AvroSerializer serializer(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(config, false);
        return serializer;
    }

    private AvroDeserializer deserializer(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(config, false);
        return deserializer;
    }

    private static GenericRecord reading(Schema schema) {
        GenericRecord record = new GenericData.Record(schema);
        record.put("sensor", "door");
        return record;
    }

    private static JsonNode major(String version) {
        return JSON.createObjectNode().set("properties", JSON.createObjectNode()
                .put("application.major.version", version));
    }

    private static JsonNode rules(String json) throws Exception {
        return JSON.readTree(json);
    }

    private int register(Schema schema, JsonNode metadata, JsonNode ruleSet) throws Exception {
        return register(TOPIC + "-value", schema, metadata, ruleSet);
    }

    private int register(String subject, Schema schema, JsonNode metadata, JsonNode ruleSet) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("schema", schema.toString());
        if (metadata != null) {
            body.set("metadata", metadata);
        }
        if (ruleSet != null) {
            body.set("ruleSet", ruleSet);
        }
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create(registry.url() + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("id").asInt();
    }
}
