package io.cpor.local.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpor.schemas.datacontract.Metadata;
import io.cpor.schemas.datacontract.RuleSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.avro.Schema;

/**
 * A schema the registry holds under a global id: its canonical text (types from references printed by name only),
 * its references, its data contract, the parsed schema with the referenced types resolved (for compatibility checks),
 * and its normalized text (for recognising the same schema written another way).
 */
record StoredSchema(int id, String canonical, String schemaType, List<SchemaText.Reference> references,
        Metadata metadata, RuleSet ruleSet, Schema parsed, String normalized) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Two registrations are the same schema, and share an id, when text, type, references and data contract are the
     * same: the same schema with other metadata is another schema, as in Confluent's registry.
     */
    String identity() {
        return schemaType + "|" + references + "|" + canonical + "|" + json(metadata) + "|" + json(ruleSet);
    }

    /** A UUID derived from the identity, as Confluent 8's {@code guid}. */
    String guid() {
        return UUID.nameUUIDFromBytes(identity().getBytes(StandardCharsets.UTF_8)).toString();
    }

    StoredSchema withId(int newId) {
        return new StoredSchema(newId, canonical, schemaType, references, metadata, ruleSet, parsed, normalized);
    }

    /**
     * Whether this is the same schema as the other for a subject's versions, as Confluent's lookup decides: equal once
     * normalized, the same references in any order, the same rules, and the same metadata, where a
     * {@code confluent:version} that only one side carries does not count.
     */
    boolean sameAs(StoredSchema other) {
        return schemaType.equals(other.schemaType) && normalized.equals(other.normalized)
                && new TreeSet<>(references).equals(new TreeSet<>(other.references))
                && Objects.equals(ruleSet, other.ruleSet) && sameMetadata(metadata, other.metadata);
    }

    private static boolean sameMetadata(Metadata one, Metadata other) {
        if (Objects.equals(one, other)) {
            return true;
        }
        if (one == null || other == null) {
            return false;
        }
        boolean oneHas = one.properties().containsKey(Metadata.VERSION_PROPERTY);
        boolean otherHas = other.properties().containsKey(Metadata.VERSION_PROPERTY);
        if (oneHas == otherHas) {
            return false;
        }
        return withoutVersion(one).equals(withoutVersion(other));
    }

    private static Metadata withoutVersion(Metadata metadata) {
        var properties = new java.util.TreeMap<>(metadata.properties());
        properties.remove(Metadata.VERSION_PROPERTY);
        return new Metadata(metadata.tags(), properties, metadata.sensitive());
    }

    static String json(Object value) {
        if (value == null) {
            return "";
        }
        try {
            return JSON.writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot print " + value, e);
        }
    }
}
