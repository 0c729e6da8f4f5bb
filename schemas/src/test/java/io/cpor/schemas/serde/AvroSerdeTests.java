package io.cpor.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpor.events.EventMetadata;
import io.cpor.events.claims.ClaimWithdrawn;
import io.cpor.events.review.ReviewDecided;
import io.cpor.events.review.ReviewDecision;
import io.cpor.schemas.Topic;
import io.cpor.schemas.Topics;
import io.cpor.test.Reading;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTests {

    private static final UUID EVENT_ID = UUID.fromString("11111111-2222-3333-4444-555555555555");
    private static final UUID CLAIM_ID = UUID.fromString("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    private static final UUID CAUSE_ID = UUID.fromString("99999999-8888-7777-6666-555555555555");
    private static final Instant OCCURRED_AT = Instant.ofEpochMilli(1_764_000_000_123L);

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry(42);

    @Test
    void writesAFixedRecordAsPinnedBytes() {
        byte[] bytes = serializer(Map.of()).serialize(Topics.CLAIMS_REVIEW_DECISIONS, decision());

        ManualAvro expected = new ManualAvro()
                .raw(0x00, 0x00, 0x00, 0x00, 0x2a) // magic byte, then schema id 42 big-endian
                .string(EVENT_ID.toString()).varLong(OCCURRED_AT.toEpochMilli())
                .string(CLAIM_ID.toString()).string(CAUSE_ID.toString())
                .varLong(1) // decision: REJECT is symbol 1
                .varLong(1).string("Proof is not signed") // reason: union branch 1 (string)
                .varLong(0) // message: union branch 0 (null)
                .string("alice@validators.example")
                .varLong(0) // informationReasons: an array of no items (one block count, 0)
                .varLong(0); // reviewRequestId: null
        assertThat(bytes).isEqualTo(expected.bytes());
        assertThat(bytes).startsWith(0x00, 0x00, 0x00, 0x00, 0x2a, 0x48); // 0x48: zig-zag 36, a UUID's length
    }

    @Test
    void writesAnEventOfAMultiEventTopicWithTheTopicUnionAndItsBranchIndex() {
        ClaimWithdrawn withdrawn = ClaimWithdrawn.newBuilder()
                .setMetadata(metadata())
                .setPartnerId("1000001")
                .setTenantId(UUID.fromString("0f0e0d0c-0b0a-0908-0706-050403020100"))
                .setReason(null)
                .build();

        byte[] bytes = serializer(Map.of()).serialize(Topics.CLAIMS_SUBMITTED, withdrawn);

        assertThat(registry.schemaById(42)).isEqualTo(Topic.CLAIMS_SUBMITTED.valueSchema());
        assertThat(bytes[5]).as("union branch 2 (ClaimWithdrawn), zig-zag encoded").isEqualTo((byte) 0x04);
        assertThat(deserializer(true).deserialize(Topics.CLAIMS_SUBMITTED, bytes)).isEqualTo(withdrawn);
    }

    @Test
    void roundTripsASpecificRecordFieldForField() {
        ReviewDecided decided = decision();

        byte[] bytes = serializer(Map.of()).serialize(Topics.CLAIMS_REVIEW_DECISIONS, decided);
        Object read = deserializer(true).deserialize(Topics.CLAIMS_REVIEW_DECISIONS, bytes);

        assertThat(read).isInstanceOf(ReviewDecided.class).isEqualTo(decided);
        assertThat(((ReviewDecided) read).getMetadata().getOccurredAt()).isEqualTo(OCCURRED_AT);
    }

    @Test
    void roundTripsAGenericRecordWithLogicalTypeConverters() {
        Schema schema = SchemaBuilder.record("Ping").namespace("io.cpor.test").fields()
                .name("id").type(Schema.create(Schema.Type.STRING)).noDefault()
                .name("at").type().longType().noDefault()
                .endRecord();
        schema.getField("id").schema().addProp("logicalType", "uuid");
        GenericRecord ping = new GenericData.Record(new Schema.Parser().parse(schema.toString()));
        ping.put("id", EVENT_ID.toString());
        ping.put("at", 7L);

        byte[] bytes = serializer(Map.of()).serialize("pings", ping);
        GenericRecord plain = (GenericRecord) deserializer(false).deserialize("pings", bytes);
        GenericRecord converted = (GenericRecord) deserializer(Map.of(
                AvroSerdeConfig.AVRO_USE_LOGICAL_TYPE_CONVERTERS, true)).deserialize("pings", bytes);

        assertThat(plain.get("id").toString()).isEqualTo(EVENT_ID.toString());
        assertThat(converted.get("id")).isEqualTo(EVENT_ID);
        assertThat(plain.get("at")).isEqualTo(7L);
    }

    @Test
    void readsARecordWrittenWithAnOlderSchemaIntoTheNewerGeneratedClass() throws IOException {
        Schema v1 = parse("/compat/reading-v1.avsc");
        GenericRecord old = new GenericData.Record(v1);
        old.put("sensor", "boiler");
        old.put("value", 71.5);
        byte[] written = serializer(Map.of()).serialize("readings", old);

        Object read = deserializer(true).deserialize("readings", written);

        assertThat(read).isInstanceOf(Reading.class);
        Reading reading = (Reading) read;
        assertThat(reading.getSensor()).isEqualTo("boiler");
        assertThat(reading.getValue()).isEqualTo(71.5);
        assertThat(reading.getUnit()).as("default of the field added in v2").isEqualTo("celsius");
    }

    @Test
    void givesAGenericRecordForAnEventKindTheReaderHasNoClassFor() {
        Schema unknown = SchemaBuilder.record("SomethingNew").namespace("io.cpor.events.future").fields()
                .requiredString("note").endRecord();
        Schema union = Schema.createUnion(List.of(ReviewDecided.getClassSchema(), unknown));
        int id = registry.register("future-value", union);
        GenericRecord record = new GenericData.Record(unknown);
        record.put("note", "hello");
        byte[] bytes = new ManualAvro().raw(0).int32(id).varLong(1).string("hello").bytes();

        Object read = deserializer(true).deserialize("future", bytes);

        assertThat(read).isInstanceOf(GenericRecord.class);
        assertThat(((GenericRecord) read).get("note").toString()).isEqualTo("hello");
    }

    @Test
    void refusesBytesWhoseMagicByteIsNotZero() {
        byte[] json = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> deserializer(true).deserialize("t", json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown magic byte 0x7b (expected 0x00)")
                .hasMessageContaining("'t'");
    }

    @Test
    void refusesARecordShorterThanTheHeader() {
        assertThatThrownBy(() -> deserializer(true).deserialize("t", new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("3 bytes, fewer than the 5-byte header");
    }

    @Test
    void refusesAnUnknownSchemaId() {
        byte[] bytes = new ManualAvro().raw(0).int32(4711).string("x").bytes();

        assertThatThrownBy(() -> deserializer(true).deserialize("t", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown schema id 4711");
    }

    @Test
    void refusesABodyThatDoesNotDecodeWithItsSchema() {
        byte[] good = serializer(Map.of()).serialize(Topics.CLAIMS_REVIEW_DECISIONS, decision());
        byte[] truncated = java.util.Arrays.copyOf(good, 20);

        assertThatThrownBy(() -> deserializer(true).deserialize(Topics.CLAIMS_REVIEW_DECISIONS, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot decode record on topic 'cpor.claims.review-decisions' with schema id 42");
    }

    @Test
    void reportsAnUnreachableRegistryAsATransientFault() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:" + closedPort,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        byte[] bytes = new ManualAvro().raw(0).int32(1).string("x").bytes();

        assertThatThrownBy(() -> deserializer.deserialize("t", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Schema registry unreachable at [http://127.0.0.1:" + closedPort)
                .hasCauseInstanceOf(SchemaRegistryUnavailableException.class);
    }

    @Test
    void makesNoRegistryCallPerRecordAfterTheFirst() {
        AvroSerializer serializer = serializer(Map.of());
        AvroDeserializer deserializer = deserializer(true);
        byte[] first = serializer.serialize(Topics.CLAIMS_REVIEW_DECISIONS, decision());
        deserializer.deserialize(Topics.CLAIMS_REVIEW_DECISIONS, first);
        int callsAfterWarmUp = registry.calls();

        for (int i = 0; i < 100; i++) {
            deserializer.deserialize(Topics.CLAIMS_REVIEW_DECISIONS,
                    serializer.serialize(Topics.CLAIMS_REVIEW_DECISIONS, decision()));
        }

        assertThat(registry.calls()).isEqualTo(callsAfterWarmUp);
    }

    @Test
    void looksTheSchemaUpInsteadOfRegisteringWhenAutoRegisterIsOff() {
        AvroSerializer serializer = serializer(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false));

        assertThatThrownBy(() -> serializer.serialize(Topics.CLAIMS_REVIEW_DECISIONS, decision()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not found");

        registry.register("cpor.claims.review-decisions-value", ReviewDecided.getClassSchema());
        assertThat(serializer.serialize(Topics.CLAIMS_REVIEW_DECISIONS, decision())).startsWith(0, 0, 0, 0, 42);
    }

    @Test
    void writesWithTheLatestVersionOnlyWhenTheRecordFitsIt() {
        registry.register("readings-value", Reading.getClassSchema());
        AvroSerializer serializer = serializer(Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true,
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false));
        Reading reading = Reading.newBuilder().setSensor("s").setValue(1).build();

        assertThat(serializer.serialize("readings", reading)).startsWith(0, 0, 0, 0, 42);
        assertThatThrownBy(() -> serializer.serialize("readings", decision()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("neither that schema nor a branch of it");
    }

    @Test
    void writesNullAsATombstoneAndReadsItBack() {
        assertThat(serializer(Map.of()).serialize("t", null)).isNull();
        assertThat(deserializer(true).deserialize("t", null)).isNull();
    }

    @Test
    void roundTripsAPrimitiveString() {
        byte[] bytes = serializer(Map.of()).serialize("notes", "hello");

        assertThat(deserializer(false).deserialize("notes", bytes)).isEqualTo("hello");
    }

    @Test
    void requiresTheRegistryUrlWhenNoClientIsGiven() {
        assertThatThrownBy(() -> new AvroSerializer().configure(Map.of(), false))
                .hasMessageContaining("schema.registry.url");
    }

    private AvroSerializer serializer(Map<String, Object> settings) {
        AvroSerializer serializer = new AvroSerializer(registry);
        serializer.configure(settings, false);
        return serializer;
    }

    private AvroDeserializer deserializer(boolean specific) {
        return deserializer(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, specific));
    }

    private AvroDeserializer deserializer(Map<String, Object> settings) {
        AvroDeserializer deserializer = new AvroDeserializer(registry);
        deserializer.configure(new HashMap<>(settings), false);
        return deserializer;
    }

    private static ReviewDecided decision() {
        return ReviewDecided.newBuilder()
                .setMetadata(metadata())
                .setDecision(ReviewDecision.REJECT)
                .setReason("Proof is not signed")
                .setMessage(null)
                .setValidator("alice@validators.example")
                .setReviewRequestId(null)
                .build();
    }

    private static EventMetadata metadata() {
        return EventMetadata.newBuilder()
                .setEventId(EVENT_ID)
                .setOccurredAt(OCCURRED_AT)
                .setClaimId(CLAIM_ID)
                .setCausationId(CAUSE_ID)
                .build();
    }

    private static Schema parse(String resource) throws IOException {
        try (InputStream in = AvroSerdeTests.class.getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        }
    }
}
