package io.cpor.local.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Confluent's normalization of an Avro schema as Avro prints it: custom properties in key order, aliases sorted, so
 * that the same schema written with its properties in another order has one text. Docs, defaults and logical types
 * stay (this is not Avro's Parsing Canonical Form, which drops them).
 */
final class AvroNormalizer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> AVRO_KEYS = Set.of("type", "name", "namespace", "fields", "symbols", "size",
            "items", "values", "doc", "aliases", "default", "order", "logicalType", "precision", "scale");
    private static final Set<String> SCHEMA_KEYS = Set.of("type", "items", "values");

    private AvroNormalizer() {
    }

    /** The normalized form of schema text Avro printed. */
    static String normalize(String avroText) {
        try {
            return normalized(JSON.readTree(avroText)).toString();
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Avro printed a schema that is not JSON: " + avroText, e);
        }
    }

    private static JsonNode normalized(JsonNode schema) {
        if (schema.isArray()) {
            ArrayNode union = JSON.createArrayNode();
            schema.forEach(branch -> union.add(normalized(branch)));
            return union;
        }
        if (!schema.isObject()) {
            return schema;
        }
        List<String> customKeys = new ArrayList<>();
        schema.fieldNames().forEachRemaining(key -> {
            if (!AVRO_KEYS.contains(key)) {
                customKeys.add(key);
            }
        });
        List<String> sortedCustom = new ArrayList<>(new TreeSet<>(customKeys));
        Map<String, JsonNode> ordered = new LinkedHashMap<>();
        int custom = 0;
        for (var entries = schema.fields(); entries.hasNext();) {
            var entry = entries.next();
            String key = entry.getKey();
            if (!AVRO_KEYS.contains(key)) {
                String placed = sortedCustom.get(custom++);
                ordered.put(placed, schema.get(placed));
            }
            else if (key.equals("aliases") && entry.getValue().isArray()) {
                ArrayNode aliases = JSON.createArrayNode();
                new TreeSet<String>(JSON.convertValue(entry.getValue(), List.class)).forEach(aliases::add);
                ordered.put(key, aliases);
            }
            else if (key.equals("fields") && entry.getValue().isArray()) {
                ArrayNode fields = JSON.createArrayNode();
                entry.getValue().forEach(field -> fields.add(normalized(field)));
                ordered.put(key, fields);
            }
            else if (SCHEMA_KEYS.contains(key)) {
                ordered.put(key, normalized(entry.getValue()));
            }
            else {
                ordered.put(key, entry.getValue());
            }
        }
        ObjectNode result = JSON.createObjectNode();
        ordered.forEach(result::set);
        return result;
    }
}
