package io.cpor.schemas.serde;

import io.cpor.schemas.Topic;
import io.cpor.schemas.datacontract.RuleMode;
import io.cpor.schemas.datacontract.RuleSet;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Avro in the Confluent wire format. The writer schema comes from the registry by the id in the record
 * (cached: one call per id ever); the reader schema is the writer's for generic records, or the generated class's
 * with {@code specific.avro.reader=true}, Avro's schema resolution bridging the two (a field added with a default
 * since the record was written gets its default). For a union writer schema, each branch resolves to its generated
 * class if there is one and stays generic otherwise, so a reader that does not know a new kind of event gets a
 * {@code GenericRecord} for it instead of failing.
 * <p>
 * The body is decoded trusting none of the lengths it declares ({@link BoundedBinaryDecoder}, limits from
 * {@link AvroLimits}), so what a record makes this allocate is bounded by its own size. On a topic of the CPOR
 * contract the record's schema id must be registered under the topic's subject ({@code <topic>-value}): a record
 * written with another topic's schema does not belong here, however well it decodes.
 * <p>
 * With {@code use.latest.with.metadata} (or {@code use.latest.version}) and generic records, the reader schema is the
 * subject's version so chosen; between the writer's version and it, migration rules apply (see {@link ContractRules}:
 * this serde cannot run them, so one that applies refuses the record unless its failure action is {@code NONE}), then
 * Avro's resolution. The writer's encoding rules and the reader's domain rules apply on every read.
 * <p>
 * Failures are {@link SerializationException}s saying what is wrong: not the wire format (magic byte), an id the
 * registry does not know or not of this topic, a body that does not decode or lies about its lengths. A registry that
 * cannot be reached is a transient fault: the exception's cause is then a {@link SchemaRegistryUnavailableException},
 * so an error handler can retry instead of dead-lettering.
 */
public class AvroDeserializer implements Deserializer<Object> {

    static {
        AvroLimits.applyDefaults();
    }

    private SchemaRegistryClient registry;
    private boolean specificReader;
    private boolean isKey;
    private boolean useLatestVersion;
    private Map<String, String> useLatestWithMetadata = Map.of();
    private GenericData genericData;
    private AvroLimits limits = AvroLimits.current();
    private final Map<ReaderKey, Reader> readers = new ConcurrentHashMap<>();
    /** Contract topics and the schema ids found registered under their subject. */
    private final Set<TopicSchema> ofTheirTopic = ConcurrentHashMap.newKeySet();

    /** A deserializer configured by Kafka from {@code schema.registry.url} and the other keys. */
    public AvroDeserializer() {
    }

    /** A deserializer sharing a registry client (and its caches) with other code. */
    public AvroDeserializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        if (registry == null) {
            registry = config.registryClient();
        }
        this.specificReader = config.specificAvroReader();
        this.isKey = isKey;
        this.useLatestVersion = config.useLatestVersion();
        this.useLatestWithMetadata = config.useLatestWithMetadata();
        if (specificReader && (useLatestVersion || !useLatestWithMetadata.isEmpty())) {
            throw new org.apache.kafka.common.config.ConfigException("A specific Avro reader reads with its "
                    + "generated classes' schemas; use.latest.version and use.latest.with.metadata choose a reader "
                    + "schema for generic records only");
        }
        this.genericData = AvroData.genericData(config.useLogicalTypeConverters());
        this.limits = AvroLimits.current();
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroDeserializer used before configure()");
        }
        int schemaId = WireFormat.schemaId(topic, data);
        Reader reader = reader(topic, schemaId);
        requireOfTopic(topic, schemaId, reader.writer());
        if (reader.writerRules() != null || reader.readerRules() != null) {
            ContractRules.onRead(reader.writerRules(), reader.readerRules(), "schema id " + schemaId + " on topic '"
                    + topic + "'");
        }
        try {
            BoundedBinaryDecoder decoder = new BoundedBinaryDecoder(data, WireFormat.HEADER_LENGTH,
                    data.length - WireFormat.HEADER_LENGTH, limits, reader.zeroWidthArrayItems());
            Object value = reader.datumReader().read(null, decoder);
            if (!decoder.isEnd()) {
                throw new IOException("bytes left over after the record: not written with this schema");
            }
            return value instanceof Utf8 utf8 ? utf8.toString() : value;
        }
        catch (IOException | RuntimeException | StackOverflowError e) {
            // A stack overflow: a writer schema that nests itself, as deep as the record's bytes allow.
            throw new SerializationException("Cannot decode record on topic '" + topic + "' with schema id "
                    + schemaId + ": " + e, e);
        }
    }

    /** On a contract topic, the writer schema must be registered under the topic's subject. */
    private void requireOfTopic(String topic, int schemaId, Schema writer) {
        Topic contract = Topic.named(topic).orElse(null);
        if (contract == null || ofTheirTopic.contains(new TopicSchema(topic, schemaId))) {
            return;
        }
        try {
            registry.lookup(contract.valueSubject(), writer);
        }
        catch (SchemaRegistryUnavailableException e) {
            throw new SerializationException("Cannot check the schema of a record on topic '" + topic
                    + "' with schema id " + schemaId + " now: " + e.getMessage(), e);
        }
        catch (SchemaRegistryException e) {
            throw new SerializationException("Record on topic '" + topic + "' has schema id " + schemaId
                    + ", which is not registered under the topic's subject " + contract.valueSubject()
                    + ": written for another topic (" + e.getMessage() + ")", e);
        }
        ofTheirTopic.add(new TopicSchema(topic, schemaId));
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }

    private Reader reader(String topic, int schemaId) {
        RegisteredSchema latest = chosenReader(topic, schemaId);
        ReaderKey key = new ReaderKey(schemaId, latest == null ? 0 : latest.id());
        Reader cached = readers.get(key);
        if (cached != null) {
            return cached;
        }
        Schema writer;
        DataContract writerContract;
        try {
            writer = registry.schemaById(schemaId);
            writerContract = registry.contractById(schemaId);
            if (latest != null && latest.id() != schemaId) {
                migrate(topic, schemaId, latest);
            }
        }
        catch (SchemaRegistryUnavailableException e) {
            throw new SerializationException("Cannot read record on topic '" + topic + "' with schema id "
                    + schemaId + " now: " + e.getMessage(), e);
        }
        catch (SchemaRegistryException e) {
            throw new SerializationException("Unknown schema id " + schemaId + " in record on topic '" + topic
                    + "': " + e.getMessage(), e);
        }
        DatumReader<Object> datumReader = specificReader
                ? new SpecificDatumReader<>(writer, specificReaderSchema(topic, schemaId, writer))
                : new GenericDatumReader<>(writer, latest == null ? writer : latest.schema(), genericData);
        DataContract readerContract = latest == null ? writerContract : latest.contract();
        Reader reader = new Reader(writer, datumReader, BoundedBinaryDecoder.hasZeroWidthArrayItems(writer),
                writerContract.ruleSet(), readerContract.ruleSet());
        Reader previous = readers.putIfAbsent(key, reader);
        return previous == null ? reader : previous;
    }

    /** The reader schema {@code use.latest.with.metadata} or {@code use.latest.version} chooses, or null. */
    private RegisteredSchema chosenReader(String topic, int schemaId) {
        if (useLatestWithMetadata.isEmpty() && !useLatestVersion) {
            return null;
        }
        String subject = topic + (isKey ? "-key" : "-value");
        try {
            return useLatestWithMetadata.isEmpty() ? registry.latest(subject)
                    : registry.latestWithMetadata(subject, useLatestWithMetadata);
        }
        catch (SchemaRegistryUnavailableException e) {
            throw new SerializationException("Cannot choose the reader schema for topic '" + topic + "' now: "
                    + e.getMessage(), e);
        }
        catch (SchemaRegistryException e) {
            throw new SerializationException("No reader schema for record with schema id " + schemaId + " on topic '"
                    + topic + "' in subject " + subject + ": " + e.getMessage(), e);
        }
    }

    /**
     * The migration rules between the writer's version and the reader's, as Confluent's serde finds them: upgrading,
     * each later version's rules in order; downgrading, each earlier version's, from the writer's down.
     */
    private void migrate(String topic, int writerId, RegisteredSchema reader) {
        int from = registry.versionOf(reader.subject(), writerId);
        int to = reader.version();
        String where = "the migration of schema id " + writerId + " to " + reader.id() + " on topic '" + topic + "'";
        if (from < to) {
            for (int version = from + 1; version <= to; version++) {
                ContractRules.onMigration(registry.version(reader.subject(), version).contract().ruleSet(),
                        RuleMode.UPGRADE, where);
            }
        }
        else {
            for (int version = from; version > to; version--) {
                ContractRules.onMigration(registry.version(reader.subject(), version).contract().ruleSet(),
                        RuleMode.DOWNGRADE, where);
            }
        }
    }

    private static Schema specificReaderSchema(String topic, int schemaId, Schema writer) {
        switch (writer.getType()) {
            case RECORD, ENUM, FIXED -> {
                Class<?> type = SpecificData.get().getClass(writer);
                if (type == null) {
                    throw new SerializationException("Cannot read record on topic '" + topic + "' with schema id "
                            + schemaId + " as a SpecificRecord: no class " + writer.getFullName()
                            + " on the classpath");
                }
                return SpecificData.get().getSchema(type);
            }
            case UNION -> {
                return Schema.createUnion(writer.getTypes().stream().map(AvroDeserializer::localOrWriter).toList());
            }
            default -> {
                return writer;
            }
        }
    }

    private static Schema localOrWriter(Schema branch) {
        if (branch.getType() != Schema.Type.RECORD && branch.getType() != Schema.Type.ENUM
                && branch.getType() != Schema.Type.FIXED) {
            return branch;
        }
        Class<?> type = SpecificData.get().getClass(branch);
        return type == null ? branch : SpecificData.get().getSchema(type);
    }

    @Override
    public void close() {
        readers.clear();
        ofTheirTopic.clear();
    }

    /** How the records of one writer schema are read. */
    private record Reader(Schema writer, DatumReader<Object> datumReader, boolean zeroWidthArrayItems,
            RuleSet writerRules, RuleSet readerRules) {
    }

    private record ReaderKey(int writerId, int readerId) {
    }

    private record TopicSchema(String topic, int schemaId) {
    }
}
