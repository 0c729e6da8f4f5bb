package io.cpor.schemas.serde;

import io.cpor.schemas.Topic;
import io.cpor.schemas.datacontract.RuleSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (specific or generic) and primitives in the Confluent wire format. The subject follows
 * TopicNameStrategy ({@code <topic>-value}, or {@code <topic>-key} for keys). Which schema is written:
 * <ul>
 * <li>{@code use.latest.with.metadata=key=value,...}: the subject's newest version whose metadata has those
 * properties; else {@code use.latest.version=true}: the subject's latest schema; either must be the record's own or a
 * union holding it, and the rules of its data contract apply to the record ({@link ContractRules});</li>
 * <li>otherwise the record's own schema, or, for a CPOR contract topic carrying several kinds of event, the
 * topic's union schema ({@code cpor.topic.contract}); registered if {@code auto.register.schemas} (the default),
 * else looked up.</li>
 * </ul>
 * Ids are cached per (topic, schema): after the first record of a kind no registry call is made. Thread-safe, as a
 * producer's serializer must be.
 */
public class AvroSerializer implements Serializer<Object> {

    static {
        AvroLimits.applyDefaults();
    }

    private SchemaRegistryClient registry;
    private boolean isKey;
    private boolean autoRegister;
    private boolean useLatestVersion;
    private Map<String, String> useLatestWithMetadata = Map.of();
    private boolean useTopicContract;
    private GenericData genericData;
    private final Map<WriterKey, Writer> writers = new ConcurrentHashMap<>();

    /** A serializer configured by Kafka from {@code schema.registry.url} and the other keys. */
    public AvroSerializer() {
    }

    /** A serializer sharing a registry client (and its caches) with other code. */
    public AvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        if (registry == null) {
            registry = config.registryClient();
        }
        this.isKey = isKey;
        this.autoRegister = config.autoRegisterSchemas();
        this.useLatestVersion = config.useLatestVersion();
        this.useLatestWithMetadata = config.useLatestWithMetadata();
        this.useTopicContract = config.useTopicContract();
        this.genericData = AvroData.genericData(config.useLogicalTypeConverters());
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroSerializer used before configure()");
        }
        Schema own = AvroData.schemaOf(data);
        Writer writer = writer(topic, own, data);
        if (writer.ruleSet() != null) {
            ContractRules.onWrite(writer.ruleSet(), "schema id " + writer.schemaId() + " on topic '" + topic + "'");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        ByteBuffer header = ByteBuffer.allocate(WireFormat.HEADER_LENGTH);
        WireFormat.writeHeader(header, writer.schemaId());
        out.writeBytes(header.array());
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.datumWriter().write(data instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : data, encoder);
            encoder.flush();
        }
        catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot write " + own.getFullName() + " to topic '" + topic
                    + "' with schema id " + writer.schemaId() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Object data) {
        return serialize(topic, data);
    }

    private Writer writer(String topic, Schema own, Object data) {
        String subject = topic + (isKey ? "-key" : "-value");
        try {
            if (!useLatestWithMetadata.isEmpty() || useLatestVersion) {
                RegisteredSchema latest = useLatestWithMetadata.isEmpty() ? registry.latest(subject)
                        : registry.latestWithMetadata(subject, useLatestWithMetadata);
                return writers.computeIfAbsent(new WriterKey(subject, own, latest.id()),
                        key -> new Writer(latest.id(), datumWriter(fitting(own, latest), data),
                                latest.contract().ruleSet()));
            }
            Writer cached = writers.get(new WriterKey(subject, own, 0));
            if (cached != null) {
                return cached;
            }
            Schema schema = contractSchema(topic, own);
            int id = autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema);
            // The record's own schema, as Confluent's serde does: a contract on the registered version is not applied.
            Writer fresh = new Writer(id, datumWriter(schema, data), null);
            writers.putIfAbsent(new WriterKey(subject, own, 0), fresh);
            return fresh;
        }
        catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot write " + own.getFullName() + " to topic '" + topic + "': "
                    + e.getMessage(), e);
        }
    }

    private Schema contractSchema(String topic, Schema own) {
        if (isKey || !useTopicContract) {
            return own;
        }
        return Topic.named(topic).filter(contract -> contract.carries(own)).map(Topic::valueSchema).orElse(own);
    }

    private static Schema fitting(Schema own, RegisteredSchema latest) {
        Schema schema = latest.schema();
        boolean fits = schema.equals(own)
                || schema.getType() == Schema.Type.UNION && schema.getTypes().contains(own);
        if (!fits) {
            throw new SerializationException("Cannot write " + own.getFullName() + " with the latest schema of "
                    + latest.subject() + " (id " + latest.id() + ", version " + latest.version()
                    + "): it is neither that schema nor a branch of it");
        }
        return schema;
    }

    private DatumWriter<Object> datumWriter(Schema schema, Object data) {
        if (data instanceof SpecificRecord) {
            return new SpecificDatumWriter<>(schema, SpecificData.getForClass(data.getClass()));
        }
        return new GenericDatumWriter<>(schema, genericData);
    }

    @Override
    public void close() {
        writers.clear();
    }

    private record WriterKey(String subject, Schema own, int latestId) {
    }

    private record Writer(int schemaId, DatumWriter<Object> datumWriter, RuleSet ruleSet) {
    }
}
