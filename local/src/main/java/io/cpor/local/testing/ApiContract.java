package io.cpor.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A service's published OpenAPI document as a judge of its answers: an answer to an {@code /api} call must be to a
 * declared operation, with a declared status and media type, and its body must validate against the declared
 * schema (JSON Schema 2020-12 in the OpenAPI 3.1 dialect). Stricter than a client need be, so that the document
 * stays exact: an object may carry no property the document does not declare.
 */
public final class ApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT_URI = "https://contract.cpor.test/openapi.json";
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{[^}/]+}");

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Pattern> templates = new ConcurrentHashMap<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private ApiContract(JsonNode document) {
        this.document = document;
        String strict = strict(document.deepCopy()).toString();
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(DOCUMENT_URI, strict)));
        document.path("paths").fieldNames().forEachRemaining(template -> templates.put(template,
                Pattern.compile(TEMPLATE_PARAMETER.splitAsStream(template).map(Pattern::quote)
                        .reduce((left, right) -> left + "[^/]+" + right).orElse("")
                        + (template.endsWith("}") ? "[^/]+" : ""))));
    }

    public static ApiContract of(String document) {
        try {
            return new ApiContract(JSON.readTree(document));
        }
        catch (IOException e) {
            throw new UncheckedIOException("The API document is not JSON", e);
        }
    }

    /** Whether the document describes this path at all (the decline page, say, is HTML and not in it). */
    public boolean covers(String path) {
        return template(path).isPresent();
    }

    /** What is wrong with this answer by the document; empty when it keeps it. */
    public List<String> violations(String method, String path, int status, String contentType, byte[] body) {
        String call = method + " " + path + " -> " + status;
        Optional<String> template = template(path);
        if (template.isEmpty()) {
            return List.of(call + ": the document has no such path");
        }
        String methodName = method.toLowerCase(Locale.ROOT);
        JsonNode operation = document.path("paths").path(template.get()).path(methodName);
        if (operation.isMissingNode()) {
            return List.of(call + ": the document declares no " + method + " on " + template.get());
        }
        JsonNode responses = operation.path("responses");
        String declared = responses.has(Integer.toString(status)) ? Integer.toString(status)
                : responses.has("default") ? "default" : null;
        if (declared == null) {
            return List.of(call + ": status " + status + " is not declared (declared: " + names(responses) + ")");
        }
        JsonNode content = responses.path(declared).path("content");
        boolean empty = body == null || body.length == 0;
        if (content.isMissingNode() || content.isEmpty()) {
            return empty ? List.of() : List.of(call + ": a body where the document declares none");
        }
        if (empty) {
            return List.of(call + ": no body where the document declares " + names(content));
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!content.has(mediaType)) {
            return List.of(call + ": media type '" + mediaType + "' is not declared (declared: " + names(content)
                    + ")");
        }
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            // A text answer (a CSV export) is held to its declared media type; its schema is a string.
            return List.of();
        }
        String pointer = "/paths/" + escape(template.get()) + "/" + methodName + "/responses/" + declared
                + "/content/" + escape(mediaType) + "/schema";
        Schema schema = schemas.computeIfAbsent(pointer,
                at -> registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + at)));
        List<String> violations = new ArrayList<>();
        for (Error error : schema.validate(new String(body, StandardCharsets.UTF_8), InputFormat.JSON)) {
            violations.add(call + ": " + error);
        }
        return violations;
    }

    /**
     * What is wrong with the document's own examples: each example of a request body or an answer must validate
     * against the schema it illustrates (as strictly as the answers are judged).
     */
    public List<String> exampleViolations() {
        List<String> violations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String at = "/paths/" + escape(path.getKey()) + "/" + operation.getKey();
            List<String> bodies = new ArrayList<>();
            bodies.add(at + "/requestBody");
            operation.getValue().path("responses").fieldNames().forEachRemaining(status -> bodies.add(at
                    + "/responses/" + status));
            for (String body : bodies) {
                document.at(body + "/content").properties().forEach(media -> {
                    String schemaAt = body + "/content/" + escape(media.getKey()) + "/schema";
                    List<JsonNode> examples = new ArrayList<>();
                    media.getValue().path("examples").forEach(example -> examples.add(example.path("value")));
                    if (media.getValue().has("example")) {
                        examples.add(media.getValue().get("example"));
                    }
                    for (JsonNode example : examples) {
                        Schema schema = schemas.computeIfAbsent(schemaAt,
                                pointer -> registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + pointer)));
                        schema.validate(example.toString(), InputFormat.JSON)
                                .forEach(error -> violations.add(schemaAt + " example: " + error));
                    }
                });
            }
        }));
        return violations;
    }

    /** Fails, naming every violation, unless the answer keeps the document. */
    public void check(String method, String path, int status, String contentType, byte[] body) {
        List<String> violations = violations(method, path, status, contentType, body);
        if (!violations.isEmpty()) {
            throw new AssertionError("The answer breaks the API document:\n  " + String.join("\n  ", violations)
                    + "\n  body: " + (body == null ? "" : new String(body, StandardCharsets.UTF_8)));
        }
    }

    private Optional<String> template(String path) {
        if (document.path("paths").has(path)) {
            return Optional.of(path);
        }
        return templates.entrySet().stream().filter(entry -> entry.getValue().matcher(path).matches())
                .map(Map.Entry::getKey).findFirst();
    }

    /** Every object schema that lists its properties admits no others. */
    private static JsonNode strict(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("properties") && object.path("properties").isObject()
                    && !object.has("additionalProperties") && !isProblem(object)) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(entry -> {
                if (!"examples".equals(entry.getKey()) && !"example".equals(entry.getKey())) {
                    strict(entry.getValue());
                }
            });
        }
        else if (node.isArray()) {
            node.forEach(ApiContract::strict);
        }
        return node;
    }

    /** RFC 9457 lets a problem carry extension members. */
    private static boolean isProblem(ObjectNode schema) {
        JsonNode properties = schema.path("properties");
        return properties.has("type") && properties.has("title") && properties.has("status")
                && properties.has("detail");
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        Iterator<String> fields = object.fieldNames();
        fields.forEachRemaining(names::add);
        return String.join(", ", names);
    }
}
