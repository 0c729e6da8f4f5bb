package io.cpor.schemas.serde;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of {@link AvroSerializer} and {@link AvroDeserializer}. The keys are the ones Confluent's serde uses, so
 * the same client properties configure either.
 */
public final class AvroSerdeConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String USE_LATEST_WITH_METADATA = "use.latest.with.metadata";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    public static final String AVRO_USE_LOGICAL_TYPE_CONVERTERS = "avro.use.logical.type.converters";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    /**
     * Not a Confluent key: when a record goes to a topic of the CPOR contract that carries several kinds of event,
     * register and write the topic's union schema rather than the record's own, so that every kind fits under the
     * one subject of TopicNameStrategy.
     */
    public static final String USE_TOPIC_CONTRACT = "cpor.topic.contract";

    static final ConfigDef DEFINITION = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL, Type.LIST, "", Importance.HIGH,
                    "Comma-separated base URLs of the schema registry, tried in order. Required unless a "
                    + "registry client is handed to the serde's constructor.")
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Register the writer schema under the subject if it is not there yet.")
            .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Write with the subject's latest registered schema instead of the record's own.")
            .define(USE_LATEST_WITH_METADATA, Type.STRING, "", Importance.MEDIUM,
                    "Write (and read) with the subject's newest version whose metadata has these properties, given "
                    + "as key=value pairs separated by commas; takes precedence over use.latest.version.")
            .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Deserialize into generated SpecificRecord classes instead of GenericRecord.")
            .define(LATEST_CACHE_TTL_SEC, Type.LONG, -1L, Importance.LOW,
                    "Seconds the latest version of a subject stays cached; -1 for ever.")
            .define(AVRO_USE_LOGICAL_TYPE_CONVERTERS, Type.BOOLEAN, false, Importance.LOW,
                    "Generic records use Java types (UUID, Instant, ...) for Avro logical types.")
            .define(REQUEST_TIMEOUT_MS, Type.LONG, 10_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "How long one call to the schema registry may take.")
            .define(USE_TOPIC_CONTRACT, Type.BOOLEAN, true, Importance.LOW,
                    "Write records of a CPOR contract topic with the topic's union schema.");

    public AvroSerdeConfig(Map<String, ?> props) {
        super(DEFINITION, props, false);
    }

    List<String> registryUrls() {
        return getList(SCHEMA_REGISTRY_URL);
    }

    boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION);
    }

    /** The properties of {@code use.latest.with.metadata}, as Confluent's serde parses them. */
    Map<String, String> useLatestWithMetadata() {
        Map<String, String> properties = new java.util.TreeMap<>();
        String text = getString(USE_LATEST_WITH_METADATA).trim();
        if (text.isEmpty()) {
            return properties;
        }
        for (String pair : text.split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new ConfigException(USE_LATEST_WITH_METADATA, text, "expected key=value pairs separated by "
                        + "commas");
            }
            properties.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return properties;
    }

    boolean specificAvroReader() {
        return getBoolean(SPECIFIC_AVRO_READER);
    }

    boolean useLogicalTypeConverters() {
        return getBoolean(AVRO_USE_LOGICAL_TYPE_CONVERTERS);
    }

    boolean useTopicContract() {
        return getBoolean(USE_TOPIC_CONTRACT);
    }

    SchemaRegistryClient registryClient() {
        if (registryUrls().isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, "", "the schema registry URL is required");
        }
        long ttl = getLong(LATEST_CACHE_TTL_SEC);
        return new HttpSchemaRegistryClient(registryUrls(), Duration.ofMillis(getLong(REQUEST_TIMEOUT_MS)),
                ttl < 0 ? Duration.ofSeconds(-1) : Duration.ofSeconds(ttl));
    }
}
