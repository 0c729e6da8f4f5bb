package io.cpor.local.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cpor.local.http.HttpApp;
import io.cpor.local.http.HttpStatusException;
import io.cpor.local.http.Request;
import io.cpor.local.http.Response;
import io.cpor.local.http.Routes;
import io.cpor.schemas.compat.CompatibilityLevel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Confluent Schema Registry REST API v1 over {@link SchemaRegistry}. Answers in
 * {@code application/vnd.schemaregistry.v1+json} (or plain JSON to a client that asks only for that), takes the
 * media types Confluent's server takes, and reports every refusal as {@code {"error_code":N,"message":"..."}} with
 * Confluent's codes. An unknown path is a 404 with such a body, which is what newer clients probing
 * {@code /associations} need to fall back to TopicNameStrategy.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    private static final Set<String> ACCEPTED_BODIES = Set.of(V1_JSON, "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream");
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaRegistry registry;
    private final HttpApp http;

    private SchemaRegistryServer(SchemaRegistry registry, HttpApp http) {
        this.registry = registry;
        this.http = http;
    }

    /** Starts a registry keeping its state under {@code dataDirectory}, on {@code host:port} (0 for a free port). */
    public static SchemaRegistryServer start(String host, int port, Path dataDirectory) throws IOException {
        SchemaRegistry registry = new SchemaRegistry(new RegistryStore(dataDirectory));
        Api api = new Api(registry);
        HttpApp http = HttpApp.start("schema-registry", host, port, api.routes(), SchemaRegistryServer::error,
                MAX_BODY_BYTES);
        return new SchemaRegistryServer(registry, http);
    }

    public String url() {
        return http.url();
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.close();
    }

    /** Runs the registry on its own: {@code SchemaRegistryServer [port] [data-directory]}. */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
        Path data = Path.of(args.length > 1 ? args[1] : "data/registry");
        SchemaRegistryServer server = start("127.0.0.1", port, data);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("Schema registry listening on " + server.url() + ", data in " + data.toAbsolutePath());
    }

    private static Response error(HttpStatusException failure) {
        int code = failure instanceof RegistryException refusal ? refusal.errorCode() : failure.status();
        return json(failure.status(), JSON.createObjectNode().put("error_code", code)
                .put("message", failure.getMessage()), null);
    }

    private static Response json(int status, JsonNode body, Request request) {
        return Response.of(status, contentTypeFor(request), body.toString());
    }

    private static String contentTypeFor(Request request) {
        String accept = request == null ? null : request.header("Accept");
        if (accept != null && !accept.contains("vnd.schemaregistry") && accept.contains("application/json")) {
            return "application/json";
        }
        return V1_JSON;
    }

    /** The routes of the API, each turning a request into a call on the registry. */
    private static final class Api {

        private final SchemaRegistry registry;

        Api(SchemaRegistry registry) {
            this.registry = registry;
        }

        Routes routes() {
            return new Routes()
                    .on("GET", "/", request -> ok(request, JSON.createObjectNode()))
                    .on("GET", "/subjects", this::subjects)
                    .on("POST", "/subjects/{subject}", this::lookup)
                    .on("DELETE", "/subjects/{subject}", this::deleteSubject)
                    .on("GET", "/subjects/{subject}/versions", this::versions)
                    .on("POST", "/subjects/{subject}/versions", this::register)
                    .on("GET", "/subjects/{subject}/versions/{version}", this::version)
                    .on("DELETE", "/subjects/{subject}/versions/{version}", this::deleteVersion)
                    .on("GET", "/subjects/{subject}/versions/{version}/schema", this::rawVersion)
                    .on("GET", "/subjects/{subject}/versions/{version}/referencedby", this::referencedBy)
                    .on("GET", "/schemas/ids/{id}", this::schemaById)
                    .on("GET", "/schemas/ids/{id}/schema", this::rawSchemaById)
                    .on("GET", "/schemas/ids/{id}/versions", this::versionsOfId)
                    .on("GET", "/schemas/ids/{id}/subjects", this::subjectsOfId)
                    .on("GET", "/schemas/types", request -> ok(request, JSON.createArrayNode().add("AVRO")))
                    .on("POST", "/compatibility/subjects/{subject}/versions/{version}", this::compatibility)
                    .on("POST", "/compatibility/subjects/{subject}/versions", this::compatibility)
                    .on("GET", "/config", this::globalConfig)
                    .on("PUT", "/config", this::updateGlobalConfig)
                    .on("DELETE", "/config", this::resetGlobalConfig)
                    .on("GET", "/config/{subject}", this::subjectConfig)
                    .on("PUT", "/config/{subject}", this::updateSubjectConfig)
                    .on("DELETE", "/config/{subject}", this::deleteSubjectConfig)
                    .on("GET", "/mode", request -> ok(request, mode()))
                    .on("GET", "/mode/{subject}", this::subjectMode);
        }

        private Response subjects(Request request) {
            ArrayNode names = JSON.createArrayNode();
            registry.subjects(request.query("subjectPrefix"), request.flag("deleted")).forEach(names::add);
            return ok(request, names);
        }

        private Response register(Request request) {
            RegisteredVersion registered = registry.register(request.pathParam("subject"), schemaText(request));
            return ok(request, JSON.createObjectNode().put("id", registered.schema().id()));
        }

        private Response lookup(Request request) {
            RegisteredVersion found = registry.lookup(request.pathParam("subject"), schemaText(request),
                    request.flag("deleted"));
            return ok(request, versionBody(found));
        }

        private Response versions(Request request) {
            ArrayNode numbers = JSON.createArrayNode();
            registry.versions(request.pathParam("subject"), request.flag("deleted")).forEach(numbers::add);
            return ok(request, numbers);
        }

        private Response version(Request request) {
            return ok(request, versionBody(registry.version(request.pathParam("subject"),
                    request.pathParam("version"), request.flag("deleted"))));
        }

        private Response rawVersion(Request request) throws IOException {
            RegisteredVersion version = registry.version(request.pathParam("subject"),
                    request.pathParam("version"), request.flag("deleted"));
            return ok(request, JSON.readTree(version.schema().canonical()));
        }

        private Response referencedBy(Request request) {
            ArrayNode ids = JSON.createArrayNode();
            registry.referencedBy(request.pathParam("subject"), request.pathParam("version")).forEach(ids::add);
            return ok(request, ids);
        }

        private Response deleteSubject(Request request) {
            ArrayNode numbers = JSON.createArrayNode();
            registry.deleteSubject(request.pathParam("subject"), request.flag("permanent")).forEach(numbers::add);
            return ok(request, numbers);
        }

        private Response deleteVersion(Request request) {
            int deleted = registry.deleteVersion(request.pathParam("subject"), request.pathParam("version"),
                    request.flag("permanent"));
            return ok(request, JSON.getNodeFactory().numberNode(deleted));
        }

        private Response schemaById(Request request) {
            StoredSchema schema = registry.schema(schemaId(request));
            ObjectNode body = JSON.createObjectNode();
            if (!"AVRO".equals(schema.schemaType())) {
                body.put("schemaType", schema.schemaType());
            }
            body.put("schema", schema.canonical());
            addReferences(body, schema);
            String subject = request.query("subject");
            if (subject != null) {
                // The subject is a hint: name it and its version when the schema is there, answer anyway.
                registry.usesOf(schema.id(), false).stream()
                        .filter(use -> use.subject().equals(subject)).findFirst()
                        .ifPresent(use -> body.put("subject", use.subject()).put("version", use.version()));
            }
            return ok(request, body);
        }

        private Response rawSchemaById(Request request) throws IOException {
            StoredSchema schema = registry.schema(schemaId(request));
            return ok(request, JSON.readTree(schema.canonical()));
        }

        private Response versionsOfId(Request request) {
            ArrayNode uses = JSON.createArrayNode();
            registry.usesOf(schemaId(request), request.flag("deleted")).forEach(use -> uses
                    .addObject().put("subject", use.subject()).put("version", use.version()));
            return ok(request, uses);
        }

        private Response subjectsOfId(Request request) {
            ArrayNode subjects = JSON.createArrayNode();
            registry.usesOf(schemaId(request), request.flag("deleted")).stream()
                    .map(RegisteredVersion::subject).distinct().forEach(subjects::add);
            return ok(request, subjects);
        }

        private Response compatibility(Request request) {
            List<String> problems = registry.compatibility(request.pathParam("subject"),
                    request.pathParam("version"), schemaText(request));
            ObjectNode body = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
            if (request.flag("verbose")) {
                ArrayNode messages = body.putArray("messages");
                problems.forEach(messages::add);
            }
            return ok(request, body);
        }

        private Response globalConfig(Request request) {
            return ok(request, JSON.createObjectNode().put("compatibilityLevel",
                    registry.globalCompatibility().name()));
        }

        private Response updateGlobalConfig(Request request) {
            CompatibilityLevel level = SchemaRegistry.parseLevel(body(request).path("compatibility").asText(null));
            registry.globalCompatibility(level);
            return ok(request, JSON.createObjectNode().put("compatibility", level.name()));
        }

        private Response resetGlobalConfig(Request request) {
            CompatibilityLevel previous = registry.globalCompatibility();
            registry.globalCompatibility(CompatibilityLevel.BACKWARD);
            return ok(request, JSON.createObjectNode().put("compatibilityLevel", previous.name()));
        }

        private Response subjectConfig(Request request) {
            String subject = request.pathParam("subject");
            CompatibilityLevel level = registry.subjectCompatibility(subject).orElseGet(() -> {
                if (request.flag("defaultToGlobal")) {
                    return registry.globalCompatibility();
                }
                throw RegistryException.subjectLevelCompatibilityNotConfigured(subject);
            });
            return ok(request, JSON.createObjectNode().put("compatibilityLevel", level.name()));
        }

        private Response updateSubjectConfig(Request request) {
            CompatibilityLevel level = SchemaRegistry.parseLevel(body(request).path("compatibility").asText(null));
            registry.subjectCompatibility(request.pathParam("subject"), level);
            return ok(request, JSON.createObjectNode().put("compatibility", level.name()));
        }

        private Response deleteSubjectConfig(Request request) {
            CompatibilityLevel previous = registry.deleteSubjectCompatibility(request.pathParam("subject"));
            return ok(request, JSON.createObjectNode().put("compatibilityLevel", previous.name()));
        }

        private Response subjectMode(Request request) {
            if (!request.flag("defaultToGlobal")) {
                throw RegistryException.subjectLevelModeNotConfigured(request.pathParam("subject"));
            }
            return ok(request, mode());
        }

        private static ObjectNode mode() {
            return JSON.createObjectNode().put("mode", "READWRITE");
        }

        private static ObjectNode versionBody(RegisteredVersion version) {
            ObjectNode body = JSON.createObjectNode()
                    .put("subject", version.subject())
                    .put("version", version.version())
                    .put("id", version.schema().id());
            if (!"AVRO".equals(version.schema().schemaType())) {
                body.put("schemaType", version.schema().schemaType());
            }
            addReferences(body, version.schema());
            body.put("schema", version.schema().canonical());
            return body;
        }

        private static void addReferences(ObjectNode body, StoredSchema schema) {
            if (schema.references().isEmpty()) {
                return;
            }
            ArrayNode references = body.putArray("references");
            schema.references().forEach(ref -> references.addObject().put("name", ref.name())
                    .put("subject", ref.subject()).put("version", ref.version()));
        }

        private static int schemaId(Request request) {
            try {
                return Integer.parseInt(request.pathParam("id"));
            }
            catch (NumberFormatException e) {
                throw new HttpStatusException(404, "HTTP 404 Not Found");
            }
        }

        private static SchemaText schemaText(Request request) {
            JsonNode body = body(request);
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
                    body.path("schemaType").asText(null), references);
        }

        private static JsonNode body(Request request) {
            String mediaType = request.mediaType();
            if (mediaType != null && !ACCEPTED_BODIES.contains(mediaType)) {
                throw new HttpStatusException(415, "HTTP 415 Unsupported Media Type");
            }
            try {
                JsonNode body = JSON.readTree(request.body());
                if (body == null || !body.isObject()) {
                    throw new HttpStatusException(400, "Request body must be a JSON object");
                }
                return body;
            }
            catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new HttpStatusException(400, "Malformed JSON: " + e.getOriginalMessage());
            }
            catch (IOException e) {
                throw new HttpStatusException(400, "Unreadable request body: " + e.getMessage());
            }
        }

        private static Response ok(Request request, JsonNode body) {
            return json(200, body, request);
        }
    }
}
