package io.cpor.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a new API document breaks for clients of an older one of the same version: an operation, status or
 * parameter gone, a field gone, a field or parameter newly required in a request, a type changed, a code a request
 * took no longer taken. (A new operation, an optional request field, a new answer field, a new code in an answer are
 * not breaks: clients ignore what they do not know.)
 */
public final class ContractChanges {

    private static final String REF_PREFIX = "#/components/schemas/";

    private ContractChanges() {
    }

    public static List<String> breaking(JsonNode older, JsonNode newer) {
        List<String> breaks = new ArrayList<>();
        Set<String> requests = requestSchemas(older);
        older.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            JsonNode now = newer.path("paths").path(path.getKey()).path(operation.getKey());
            if (now.isMissingNode()) {
                breaks.add(name + ": the operation is gone");
                return;
            }
            operation.getValue().path("responses").fieldNames().forEachRemaining(status -> {
                if (!now.path("responses").has(status)) {
                    breaks.add(name + ": status " + status + " is no longer declared");
                }
            });
            Set<String> gone = parameters(operation.getValue(), false);
            gone.removeAll(parameters(now, false));
            gone.forEach(parameter -> breaks.add(name + ": parameter " + parameter + " is gone"));
            Set<String> required = parameters(now, true);
            required.removeAll(parameters(operation.getValue(), true));
            required.forEach(parameter -> breaks.add(name + ": parameter " + parameter + " is newly required"));
        }));
        JsonNode oldSchemas = older.path("components").path("schemas");
        JsonNode newSchemas = newer.path("components").path("schemas");
        oldSchemas.properties().forEach(entry -> {
            String schema = entry.getKey();
            if (!newSchemas.has(schema)) {
                breaks.add("schema " + schema + " is gone");
                return;
            }
            compare(schema, entry.getValue(), newSchemas.get(schema), requests.contains(schema), breaks);
        });
        return breaks;
    }

    private static void compare(String name, JsonNode older, JsonNode newer, boolean request, List<String> breaks) {
        if (!types(older).equals(types(newer))) {
            breaks.add(name + ": type " + types(older) + " became " + types(newer));
        }
        if (!older.path("$ref").asText().equals(newer.path("$ref").asText())) {
            breaks.add(name + ": was " + older.path("$ref").asText("inline") + ", is "
                    + newer.path("$ref").asText("inline"));
        }
        if (request && older.has("enum")) {
            Set<String> now = texts(newer.path("enum"));
            texts(older.path("enum")).stream().filter(code -> !now.contains(code))
                    .forEach(code -> breaks.add(name + ": no longer takes " + code));
        }
        older.path("properties").properties().forEach(property -> {
            String field = name + "." + property.getKey();
            JsonNode now = newer.path("properties").path(property.getKey());
            if (now.isMissingNode()) {
                breaks.add(field + " is gone");
            }
            else {
                compare(field, property.getValue(), now, request, breaks);
            }
        });
        if (request) {
            Set<String> required = texts(newer.path("required"));
            required.removeAll(texts(older.path("required")));
            required.forEach(field -> breaks.add(name + "." + field + " is newly required"));
        }
        if (older.has("items")) {
            compare(name + "[]", older.get("items"), newer.path("items"), request, breaks);
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        Set<String> types = type.isArray() ? texts(type) : new LinkedHashSet<>();
        if (type.isTextual()) {
            types.add(type.asText());
        }
        schema.path("anyOf").forEach(one -> {
            types.addAll(types(one));
            if (one.has("$ref")) {
                types.add(one.get("$ref").asText());
            }
        });
        return types;
    }

    private static Set<String> parameters(JsonNode operation, boolean requiredOnly) {
        Set<String> names = new LinkedHashSet<>();
        operation.path("parameters").forEach(parameter -> {
            if (!requiredOnly || parameter.path("required").asBoolean(false)) {
                names.add(parameter.path("in").asText() + ":" + parameter.path("name").asText());
            }
        });
        return names;
    }

    /** The named schemas a request body reaches (directly or through others). */
    private static Set<String> requestSchemas(JsonNode document) {
        Deque<String> next = new ArrayDeque<>();
        document.path("paths").forEach(path -> path.forEach(operation -> operation.path("requestBody")
                .path("content").forEach(media -> references(media.path("schema"), next))));
        Set<String> seen = new HashSet<>();
        while (!next.isEmpty()) {
            String name = next.pop();
            if (seen.add(name)) {
                references(document.path("components").path("schemas").path(name), next);
            }
        }
        return seen;
    }

    private static void references(JsonNode node, Deque<String> found) {
        if (node.isObject()) {
            String ref = node.path("$ref").asText("");
            if (ref.startsWith(REF_PREFIX)) {
                found.push(ref.substring(REF_PREFIX.length()));
            }
            node.forEach(child -> references(child, found));
        }
        else if (node.isArray()) {
            node.forEach(child -> references(child, found));
        }
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new LinkedHashSet<>();
        array.forEach(item -> texts.add(item.isNull() ? "null" : item.asText()));
        return texts;
    }
}
