package io.cpor.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpor.events.EventMetadata;
import io.cpor.events.claims.Claim;
import io.cpor.events.claims.ClaimSubmitted;
import io.cpor.events.claims.Customer;
import io.cpor.events.claims.CustomerContact;
import io.cpor.events.claims.PartnerContact;
import io.cpor.events.review.ReviewDecided;
import io.cpor.schemas.Topic;
import io.cpor.schemas.Topics;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * Records a hostile producer would write: lengths and counts far beyond the record, negative ones, varints that do
 * not end, records cut short, and records written with another topic's schema. Each is a
 * {@link SerializationException} saying what is wrong, and nothing is allocated from a length that was not checked.
 */
class HostileRecordsTests {

    private static final long TWO_GB = 2_000_000_000L;

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry(42);

    @Test
    void refusesAStringLongerThanTheRecordWithoutAllocatingIt() {
        int id = registry.register(Topic.CLAIMS_REVIEW_DECISIONS.valueSubject(), ReviewDecided.getClassSchema());
        byte[] tenBytes = new ManualAvro().raw(0).int32(id).varLong(TWO_GB).bytes();
        assertThat(tenBytes).hasSize(10);

        assertThatThrownBy(() -> deserializer().deserialize(Topics.CLAIMS_REVIEW_DECISIONS, tenBytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("over the limit");
    }

    @Test
    void refusesAStringLongerThanTheBytesLeftEvenUnderTheLimit() {
        int id = registry.register(Topic.CLAIMS_REVIEW_DECISIONS.valueSubject(), ReviewDecided.getClassSchema());
        byte[] bytes = new ManualAvro().raw(0).int32(id).varLong(1000).string("x").bytes();

        assertThatThrownBy(() -> deserializer().deserialize(Topics.CLAIMS_REVIEW_DECISIONS, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("string of 1000 bytes, but only 2 left");
    }

    @Test
    void refusesANegativeStringLength() {
        int id = registry.register(Topic.CLAIMS_REVIEW_DECISIONS.valueSubject(), ReviewDecided.getClassSchema());
        byte[] bytes = new ManualAvro().raw(0).int32(id).varLong(-5).bytes();

        assertThatThrownBy(() -> deserializer().deserialize(Topics.CLAIMS_REVIEW_DECISIONS, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("negative string length -5");
    }

    @Test
    void refusesAnArrayDeclaringMoreItemsThanTheRecordCouldHold() {
        byte[] valid = serializer().serialize(Topics.CLAIMS_SUBMITTED, submitted());
        // The workloads array is the claim's ninth field; rewrite its count from 1 to about two billion.
        byte[] prefix = upToWorkloads(valid);
        byte[] lie = new ManualAvro().raw(toInts(prefix)).varLong(TWO_GB).string("TEAMS").bytes();

        assertThatThrownBy(() -> deserializer().deserialize(Topics.CLAIMS_SUBMITTED, lie))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("array block declares 2000000000 items");
    }

    @Test
    void refusesANegativeBlockCountWhoseSizeIsBeyondTheRecord() {
        registry.register(Topic.CLAIMS_SUBMITTED.valueSubject(), Topic.CLAIMS_SUBMITTED.valueSchema());
        byte[] prefix = upToWorkloads(serializer().serialize(Topics.CLAIMS_SUBMITTED, submitted()));
        byte[] lie = new ManualAvro().raw(toInts(prefix)).varLong(-3).varLong(TWO_GB).bytes();

        assertThatThrownBy(() -> deserializer().deserialize(Topics.CLAIMS_SUBMITTED, lie))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("array block declares 2000000000 bytes");
    }

    @Test
    void refusesMapsBytesAndFixedThatLieAtAnyDepth() {
        Schema inner = SchemaBuilder.record("Inner").namespace("io.cpor.test").fields()
                .name("blob").type().bytesType().noDefault()
                .name("tags").type().map().values().stringType().noDefault()
                .name("hash").type().fixed("Hash").size(4).noDefault()
                .endRecord();
        Schema outer = SchemaBuilder.record("Outer").namespace("io.cpor.test").fields()
                .name("items").type().array().items(inner).noDefault().endRecord();
        int id = registry.register("hostile-value", outer);
        ManualAvro oneItem = new ManualAvro().raw(0).int32(id).varLong(1);

        assertThatThrownBy(() -> read(new ManualAvro().raw(toInts(oneItem.bytes())).varLong(TWO_GB).bytes()))
                .hasMessageContaining("bytes of 2000000000 bytes");
        assertThatThrownBy(() -> read(new ManualAvro().raw(toInts(oneItem.bytes())).varLong(1).raw(7)
                .varLong(TWO_GB).bytes())).hasMessageContaining("map block declares 2000000000 items");
        assertThatThrownBy(() -> read(new ManualAvro().raw(toInts(oneItem.bytes())).varLong(1).raw(7)
                .varLong(0).raw(1, 2).bytes())).hasMessageContaining("fixed of 4 bytes, but only 2 left");
        byte[] valid = new ManualAvro().raw(toInts(oneItem.bytes())).varLong(1).raw(7).varLong(1).string("k")
                .string("v").varLong(0).raw(1, 2, 3, 4).varLong(0).bytes();
        assertThat(read(valid)).isInstanceOf(GenericRecord.class);
    }

    @Test
    void refusesAVarintThatDoesNotEnd() {
        int id = registry.register(Topic.CLAIMS_REVIEW_DECISIONS.valueSubject(), ReviewDecided.getClassSchema());
        byte[] bytes = new ManualAvro().raw(0).int32(id).raw(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                0xff, 0xff, 0x01).bytes();

        assertThatThrownBy(() -> deserializer().deserialize(Topics.CLAIMS_REVIEW_DECISIONS, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("varint longer than 10 bytes");
    }

    @Test
    void refusesEveryCutOfAValidRecord() {
        byte[] whole = serializer().serialize(Topics.CLAIMS_SUBMITTED, submitted());

        for (int length = 5; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> deserializer().deserialize(Topics.CLAIMS_SUBMITTED, cut))
                    .as("cut to %d of %d bytes", length, whole.length)
                    .isInstanceOf(SerializationException.class);
        }
        assertThat(deserializer().deserialize(Topics.CLAIMS_SUBMITTED, whole)).isEqualTo(submitted());
    }

    @Test
    void anyCorruptionOfARecordIsReadOrRefusedNeverAnError() {
        byte[] whole = serializer().serialize(Topics.CLAIMS_SUBMITTED, submitted());
        AvroDeserializer deserializer = deserializer();
        Random random = new Random(20261201);
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] corrupt = whole.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                int at = 5 + random.nextInt(corrupt.length - 5);
                corrupt[at] = (byte) random.nextInt(256);
            }
            try {
                deserializer.deserialize(Topics.CLAIMS_SUBMITTED, corrupt);
            }
            catch (SerializationException expected) {
                refused++;
            }
        }
        assertThat(refused).as("corrupt records refused").isPositive();
    }

    @Test
    void refusesARecordWrittenWithTheSchemaOfAnotherContractTopic() {
        byte[] submittedBytes = serializer().serialize(Topics.CLAIMS_SUBMITTED, submitted());
        registry.register(Topic.CLAIMS_REVIEW_DECISIONS.valueSubject(), ReviewDecided.getClassSchema());

        assertThatThrownBy(() -> deserializer().deserialize(Topics.CLAIMS_REVIEW_DECISIONS, submittedBytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not registered under the topic's subject cpor.claims.review-decisions-value");
        assertThat(deserializer().deserialize(Topics.CLAIMS_SUBMITTED, submittedBytes)).isEqualTo(submitted());
    }

    @Test
    void readsAnArrayOfItemsThatTakeNoBytesUpToTheItemLimit() {
        Schema nulls = SchemaBuilder.array().items().nullType();
        int id = registry.register("nulls-value", nulls);
        byte[] thousand = new ManualAvro().raw(0).int32(id).varLong(1000).varLong(0).bytes();
        byte[] tooMany = new ManualAvro().raw(0).int32(id).varLong(AvroLimits.current().maxCollectionItems() + 1L)
                .varLong(0).bytes();

        assertThat((List<?>) deserializer().deserialize("nulls", thousand)).hasSize(1000);
        assertThatThrownBy(() -> deserializer().deserialize("nulls", tooMany))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("array and map items, the limit");
    }

    @Test
    void setsAvrosOwnLimitsBeforeItReadsAnything() {
        deserializer();

        assertThat(System.getProperty("org.apache.avro.limits.string.maxLength")).isEqualTo("1048576");
        assertThat(System.getProperty("org.apache.avro.limits.bytes.maxLength")).isEqualTo("1048576");
        assertThat(System.getProperty("org.apache.avro.limits.collectionItems.maxLength")).isEqualTo("100000");
        assertThat(AvroLimits.inForceInAvro()).isTrue();
    }

    private Object read(byte[] bytes) {
        AvroDeserializer generic = new AvroDeserializer(registry);
        generic.configure(new HashMap<>(), false);
        return generic.deserialize("hostile", bytes);
    }

    private static byte[] upToWorkloads(byte[] valid) {
        // Header, union branch 0, metadata (4 fields), then the claim up to its workloads.
        ClaimSubmitted value = submitted();
        int workloads = indexOf(valid, new ManualAvro().varLong(1).string("TEAMS").varLong(0).bytes());
        assertThat(workloads).as("workloads of %s", value).isPositive();
        return Arrays.copyOf(valid, workloads);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int[] toInts(byte[] bytes) {
        int[] ints = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ints[i] = bytes[i] & 0xff;
        }
        return ints;
    }

    private AvroSerializer serializer() {
        AvroSerializer serializer = new AvroSerializer(registry);
        serializer.configure(Map.of(), false);
        return serializer;
    }

    private AvroDeserializer deserializer() {
        AvroDeserializer deserializer = new AvroDeserializer(registry);
        deserializer.configure(new HashMap<>(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true)), false);
        return deserializer;
    }

    private static ClaimSubmitted submitted() {
        UUID claimId = UUID.fromString("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
        return ClaimSubmitted.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(UUID.fromString(
                        "11111111-2222-3333-4444-555555555555")).setOccurredAt(Instant.ofEpochMilli(1_764_000_000_123L))
                        .setClaimId(claimId).setCausationId(claimId).build())
                .setClaim(Claim.newBuilder().setPartnerId("1000001").setName("Contoso")
                        .setCustomer(Customer.newBuilder().setTenantId(UUID.fromString(
                                "0f0e0d0c-0b0a-0908-0706-050403020100")).setDomain("contoso.sandbox.test")
                                .setLocale("en").setContact(CustomerContact.newBuilder().setName("Casey")
                                        .setTitle(null).setEmail("casey@contoso.sandbox.test").build()).build())
                        .setPartnerContact(PartnerContact.newBuilder().setName("Pat").setEmail("pat@partner.example")
                                .build())
                        .setSolutionArea("MODERN_WORK_SECURITY").setProgram("OSU_M365")
                        .setPartnerRole("USE_OR_CONSUME").setWorkloads(List.of("TEAMS")).setSubscriptionId(null)
                        .setProofOfExecution(null).build())
                .build();
    }
}
