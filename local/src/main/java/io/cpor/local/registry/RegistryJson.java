package io.cpor.local.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cpor.local.http.HttpStatusException;
import io.cpor.schemas.compat.CompatibilityLevel;
import io.cpor.schemas.datacontract.Metadata;
import io.cpor.schemas.datacontract.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The registry's JSON in Confluent 8's shapes, field for field and in Confluent's order: the request bodies it reads
 * (unknown fields ignored, as Confluent's are) and the answers it writes.
 */
final class RegistryJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private RegistryJson() {
    }

    /** A version as Confluent's {@code Schema}: subject, version, id, guid, type, references, metadata, text, rules. */
    static ObjectNode version(RegisteredVersion version, boolean resolved) {
        StoredSchema schema = version.schema();
        ObjectNode body = JSON.createObjectNode()
                .put("subject", version.subject())
                .put("version", version.version())
                .put("id", schema.id())
                .put("guid", schema.guid())
                .put("schemaType", schema.schemaType());
        references(body, schema);
        contract(body, "metadata", schema.metadata());
        body.put("schema", text(schema, resolved));
        body.put("ts", version.timestamp());
        body.put("deleted", version.deleted());
        contract(body, "ruleSet", schema.ruleSet());
        return body;
    }

    /** A registration's answer, as Confluent's {@code RegisterSchemaResponse}. */
    static ObjectNode registered(RegisteredVersion version) {
        StoredSchema schema = version.schema();
        ObjectNode body = JSON.createObjectNode()
                .put("id", schema.id())
                .put("version", version.version())
                .put("guid", schema.guid())
                .put("schemaType", schema.schemaType());
        references(body, schema);
        contract(body, "metadata", schema.metadata());
        contract(body, "ruleSet", schema.ruleSet());
        body.put("schema", schema.canonical());
        return body;
    }

    /**
     * A schema by id, as Confluent's {@code SchemaString}: the subject and version only when the client named a
     * subject; the time and deletion flag of the version it was found in.
     */
    static ObjectNode schema(StoredSchema schema, RegisteredVersion use, boolean nameSubject, Integer maxId,
            boolean resolved) {
        ObjectNode body = JSON.createObjectNode();
        if (nameSubject && use != null) {
            body.put("subject", use.subject()).put("version", use.version());
        }
        body.put("guid", schema.guid()).put("schemaType", schema.schemaType()).put("schema", text(schema, resolved));
        references(body, schema);
        contract(body, "metadata", schema.metadata());
        contract(body, "ruleSet", schema.ruleSet());
        if (maxId != null) {
            body.put("maxId", maxId);
        }
        if (use != null) {
            body.put("ts", use.timestamp()).put("deleted", use.deleted());
        }
        return body;
    }

    /** A config as {@code GET /config} answers it; the level always present. */
    static ObjectNode config(RegistryConfig config, CompatibilityLevel level) {
        return configBody(config, "compatibilityLevel", level);
    }

    /** A config as a {@code PUT /config} answers it: what is now stored, the level named {@code compatibility}. */
    static ObjectNode configUpdate(RegistryConfig config) {
        return configBody(config, "compatibility", config.compatibilityLevel());
    }

    private static ObjectNode configBody(RegistryConfig config, String levelField, CompatibilityLevel level) {
        ObjectNode body = JSON.createObjectNode();
        if (config.normalize() != null) {
            body.put("normalize", config.normalize());
        }
        if (config.validateFields() != null) {
            body.put("validateFields", config.validateFields());
        }
        if (level != null) {
            body.put(levelField, level.name());
        }
        if (config.compatibilityGroup() != null) {
            body.put("compatibilityGroup", config.compatibilityGroup());
        }
        contract(body, "defaultMetadata", config.defaultMetadata());
        contract(body, "overrideMetadata", config.overrideMetadata());
        contract(body, "defaultRuleSet", config.defaultRuleSet());
        contract(body, "overrideRuleSet", config.overrideRuleSet());
        return body;
    }

    /**
     * The stored config changed by a {@code PUT} body: a field left out keeps its value, a field sent as null
     * clears it, as Confluent's registry merges.
     */
    static RegistryConfig updated(RegistryConfig stored, JsonNode body) {
        return new RegistryConfig(
                field(body, "compatibility", stored.compatibilityLevel(),
                        node -> SchemaRegistry.parseLevel(textual(node, "compatibility"))),
                field(body, "normalize", stored.normalize(), node -> bool(node, "normalize")),
                field(body, "validateFields", stored.validateFields(), node -> bool(node, "validateFields")),
                field(body, "compatibilityGroup", stored.compatibilityGroup(),
                        node -> textual(node, "compatibilityGroup")),
                field(body, "defaultMetadata", stored.defaultMetadata(), node -> metadata(node)),
                field(body, "overrideMetadata", stored.overrideMetadata(), node -> metadata(node)),
                field(body, "defaultRuleSet", stored.defaultRuleSet(), node -> ruleSet(node)),
                field(body, "overrideRuleSet", stored.overrideRuleSet(), node -> ruleSet(node)));
    }

    /** A schema a client sent to register, look up or check. */
    static SchemaText schemaText(JsonNode body) {
        JsonNode schema = body.get("schema");
        if (schema != null && !schema.isNull() && !schema.isTextual()) {
            throw new RegistryException(422, 42201, "Invalid schema: \"schema\" must be a string holding the "
                    + "schema's JSON");
        }
        List<SchemaText.Reference> references = new ArrayList<>();
        for (JsonNode ref : body.path("references")) {
            if (!ref.path("name").isTextual() || !ref.path("subject").isTextual() || !ref.path("version").isInt()) {
                throw new RegistryException(422, 42201, "Invalid schema: a reference needs name, subject and "
                        + "version");
            }
            references.add(new SchemaText.Reference(ref.path("name").asText(), ref.path("subject").asText(),
                    ref.path("version").asInt()));
        }
        return new SchemaText(schema == null || schema.isNull() ? null : schema.asText(),
                body.path("schemaType").asText(null), references, metadata(body.get("metadata")),
                ruleSet(body.get("ruleSet")), integer(body, "id"), integer(body, "version"));
    }

    static Metadata metadata(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return JSON.treeToValue(node, Metadata.class);
        }
        catch (Exception e) {
            throw new RegistryException(422, 422, "Invalid metadata: properties map names to strings, tags map "
                    + "paths to lists of names, sensitive lists names (" + e.getMessage() + ")");
        }
    }

    static RuleSet ruleSet(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return JSON.treeToValue(node, RuleSet.class);
        }
        catch (Exception e) {
            throw RegistryException.invalidRuleSet("Invalid rule set: " + e.getMessage());
        }
    }

    private static <T> T field(JsonNode body, String name, T stored, Function<JsonNode, T> read) {
        if (!body.has(name)) {
            return stored;
        }
        JsonNode node = body.get(name);
        return node.isNull() ? null : read.apply(node);
    }

    private static String textual(JsonNode node, String name) {
        if (!node.isTextual()) {
            throw new HttpStatusException(422, "\"" + name + "\" must be a string");
        }
        return node.asText();
    }

    private static Boolean bool(JsonNode node, String name) {
        if (!node.isBoolean()) {
            throw new HttpStatusException(422, "\"" + name + "\" must be true or false");
        }
        return node.asBoolean();
    }

    private static Integer integer(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isInt()) {
            throw new HttpStatusException(422, "\"" + name + "\" must be an integer");
        }
        return node.asInt();
    }

    private static String text(StoredSchema schema, boolean resolved) {
        return resolved ? schema.parsed().toString() : schema.canonical();
    }

    private static void references(ObjectNode body, StoredSchema schema) {
        if (schema.references().isEmpty()) {
            return;
        }
        ArrayNode references = body.putArray("references");
        schema.references().forEach(ref -> references.addObject().put("name", ref.name())
                .put("subject", ref.subject()).put("version", ref.version()));
    }

    private static void contract(ObjectNode body, String field, Object value) {
        if (value != null) {
            body.set(field, JSON.valueToTree(value));
        }
    }
}
