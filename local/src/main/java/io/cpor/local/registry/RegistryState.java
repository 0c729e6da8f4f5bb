package io.cpor.local.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cpor.schemas.compat.CompatibilityLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry's state as the JSON document {@link RegistryStore} keeps: schemas with their contracts, subjects with
 * their versions, configs and modes. A document written before contracts, configs and modes existed reads as having
 * none.
 */
final class RegistryState {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryState() {
    }

    static JsonNode of(SchemaRegistry registry) {
        ObjectNode state = JSON.createObjectNode();
        RegistryConfig global = registry.storedGlobalConfig();
        if (global.compatibilityLevel() != null) {
            state.put("globalCompatibility", global.compatibilityLevel().name());
        }
        state.set("globalConfig", config(global));
        if (registry.storedGlobalMode() != null) {
            state.put("globalMode", registry.storedGlobalMode().name());
        }
        state.put("nextId", registry.nextId());
        ArrayNode schemas = state.putArray("schemas");
        for (StoredSchema schema : registry.schemasById().values()) {
            ObjectNode node = schemas.addObject();
            node.put("id", schema.id());
            node.put("schemaType", schema.schemaType());
            node.put("schema", schema.canonical());
            ArrayNode references = node.putArray("references");
            schema.references().forEach(ref -> references.addObject().put("name", ref.name())
                    .put("subject", ref.subject()).put("version", ref.version()));
            putIfPresent(node, "metadata", schema.metadata());
            putIfPresent(node, "ruleSet", schema.ruleSet());
        }
        ArrayNode subjects = state.putArray("subjects");
        for (SchemaRegistry.Subject subject : registry.subjectsByName().values()) {
            ObjectNode node = subjects.addObject();
            node.put("name", subject.name);
            if (subject.config != null) {
                node.set("config", config(subject.config));
            }
            if (subject.mode != null) {
                node.put("mode", subject.mode.name());
            }
            ArrayNode versions = node.putArray("versions");
            subject.versions.values().forEach(version -> versions.addObject().put("version", version.number())
                    .put("id", version.id()).put("deleted", version.deleted()).put("ts", version.timestamp()));
        }
        return state;
    }

    static void restore(JsonNode state, SchemaRegistry registry) {
        for (JsonNode node : state.path("subjects")) {
            SchemaRegistry.Subject subject = registry.new Subject(node.path("name").asText());
            if (node.hasNonNull("compatibility")) {
                subject.config = RegistryConfig.EMPTY.withLevel(
                        CompatibilityLevel.named(node.path("compatibility").asText()));
            }
            if (node.hasNonNull("config")) {
                subject.config = config(node.path("config"));
            }
            if (node.hasNonNull("mode")) {
                subject.mode = RegistryMode.valueOf(node.path("mode").asText());
            }
            for (JsonNode version : node.path("versions")) {
                int number = version.path("version").asInt();
                subject.versions.put(number, new SchemaRegistry.Version(number, version.path("id").asInt(),
                        version.path("deleted").asBoolean(), version.path("ts").asLong(0)));
            }
            registry.subjectsByName().put(subject.name, subject);
        }
        // Ids grow in registration order and a reference always names an older schema, so this order parses.
        for (JsonNode node : state.path("schemas")) {
            List<SchemaText.Reference> references = new ArrayList<>();
            node.path("references").forEach(ref -> references.add(new SchemaText.Reference(
                    ref.path("name").asText(), ref.path("subject").asText(), ref.path("version").asInt())));
            SchemaText text = new SchemaText(node.path("schema").asText(), node.path("schemaType").asText(),
                    references, RegistryJson.metadata(node.get("metadata")),
                    RegistryJson.ruleSet(node.get("ruleSet")),
                    null, null);
            StoredSchema stored = registry.parse(text, false).withId(node.path("id").asInt());
            registry.schemasById().put(stored.id(), stored);
        }
        RegistryConfig global = state.hasNonNull("globalConfig") ? config(state.path("globalConfig"))
                : RegistryConfig.EMPTY;
        if (global.compatibilityLevel() == null && state.hasNonNull("globalCompatibility")) {
            global = global.withLevel(CompatibilityLevel.named(state.path("globalCompatibility").asText()));
        }
        RegistryMode mode = state.hasNonNull("globalMode") ? RegistryMode.valueOf(state.path("globalMode").asText())
                : null;
        registry.restored(global, mode, state.path("nextId").asInt(1));
    }

    /** A config as a {@code PUT /config} body would give it, and read back as one. */
    private static ObjectNode config(RegistryConfig config) {
        return RegistryJson.configUpdate(config);
    }

    private static RegistryConfig config(JsonNode node) {
        return RegistryJson.updated(RegistryConfig.EMPTY, node);
    }

    private static void putIfPresent(ObjectNode node, String field, Object value) {
        if (value != null) {
            node.set(field, JSON.valueToTree(value));
        }
    }
}
