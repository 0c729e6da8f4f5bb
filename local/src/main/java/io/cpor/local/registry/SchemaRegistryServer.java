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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

        private static final int MAX_SCHEMAS_PAGE = 1000;

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
                    .on("GET", "/subjects/{subject}/metadata", this::latestWithMetadata)
                    .on("GET", "/subjects/{subject}/versions", this::versions)
                    .on("POST", "/subjects/{subject}/versions", this::register)
                    .on("GET", "/subjects/{subject}/versions/{version}", this::version)
                    .on("DELETE", "/subjects/{subject}/versions/{version}", this::deleteVersion)
                    .on("GET", "/subjects/{subject}/versions/{version}/schema", this::rawVersion)
                    .on("GET", "/subjects/{subject}/versions/{version}/referencedby", this::referencedBy)
                    .on("GET", "/schemas", this::schemas)
                    .on("GET", "/schemas/ids/{id}", this::schemaById)
                    .on("GET", "/schemas/ids/{id}/schema", this::rawSchemaById)
                    .on("GET", "/schemas/ids/{id}/versions", this::versionsOfId)
                    .on("GET", "/schemas/ids/{id}/subjects", this::subjectsOfId)
                    .on("GET", "/schemas/guids/{guid}", this::schemaByGuid)
                    .on("GET", "/schemas/types", request -> ok(request, JSON.createArrayNode().add("AVRO")))
                    .on("GET", "/contexts", request -> ok(request, JSON.createArrayNode().add(".")))
                    .on("POST", "/compatibility/subjects/{subject}/versions/{version}", this::compatibility)
                    .on("POST", "/compatibility/subjects/{subject}/versions", this::compatibility)
                    .on("GET", "/config", this::globalConfig)
                    .on("PUT", "/config", this::updateGlobalConfig)
                    .on("DELETE", "/config", this::deleteGlobalConfig)
                    .on("GET", "/config/{subject}", this::subjectConfig)
                    .on("PUT", "/config/{subject}", this::updateSubjectConfig)
                    .on("DELETE", "/config/{subject}", this::deleteSubjectConfig)
                    .on("GET", "/mode", this::globalMode)
                    .on("PUT", "/mode", this::updateGlobalMode)
                    .on("DELETE", "/mode", request -> mode(request, registry.deleteGlobalMode()))
                    .on("GET", "/mode/{subject}", this::subjectMode)
                    .on("PUT", "/mode/{subject}", this::updateSubjectMode)
                    .on("DELETE", "/mode/{subject}", request -> mode(request,
                            registry.deleteSubjectMode(request.pathParam("subject"))));
        }

        private Response subjects(Request request) {
            ArrayNode names = JSON.createArrayNode();
            registry.subjects(request.query("subjectPrefix"), request.flag("deleted"), request.flag("deletedOnly"))
                    .forEach(names::add);
            return ok(request, names);
        }

        private Response register(Request request) {
            RegisteredVersion registered = registry.register(request.pathParam("subject"),
                    RegistryJson.schemaText(body(request)), request.flag("normalize"), request.flag("force"));
            return ok(request, RegistryJson.registered(registered));
        }

        private Response lookup(Request request) {
            RegisteredVersion found = registry.lookup(request.pathParam("subject"),
                    RegistryJson.schemaText(body(request)), request.flag("deleted"), request.flag("normalize"));
            return ok(request, RegistryJson.version(found, resolved(request)));
        }

        private Response latestWithMetadata(Request request) {
            List<String> keys = request.query().getOrDefault("key", List.of());
            List<String> values = request.query().getOrDefault("value", List.of());
            Map<String, String> wanted = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
                wanted.put(keys.get(i), values.get(i));
            }
            return ok(request, RegistryJson.version(registry.latestWithMetadata(request.pathParam("subject"),
                    wanted, request.flag("deleted")), resolved(request)));
        }

        private Response versions(Request request) {
            ArrayNode numbers = JSON.createArrayNode();
            registry.versions(request.pathParam("subject"), request.flag("deleted"), request.flag("deletedOnly"),
                    request.flag("deletedAsNegative")).forEach(numbers::add);
            return ok(request, numbers);
        }

        private Response version(Request request) {
            return ok(request, RegistryJson.version(registry.version(request.pathParam("subject"),
                    request.pathParam("version"), request.flag("deleted")), resolved(request)));
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

        private Response schemas(Request request) {
            List<RegisteredVersion> all = registry.allVersions(request.query("subjectPrefix"),
                    request.flag("deleted"), request.flag("latestOnly"));
            int offset = Math.max(0, intQuery(request, "offset", 0));
            int limit = intQuery(request, "limit", MAX_SCHEMAS_PAGE);
            limit = limit <= 0 || limit > MAX_SCHEMAS_PAGE ? MAX_SCHEMAS_PAGE : limit;
            ArrayNode page = JSON.createArrayNode();
            all.stream().skip(offset).limit(limit).forEach(version -> page.add(RegistryJson.version(version,
                    resolved(request))));
            return ok(request, page);
        }

        private Response schemaById(Request request) {
            StoredSchema schema = registry.schema(schemaId(request));
            String subject = request.query("subject");
            boolean named = subject != null && !subject.isEmpty();
            // The subject is a hint: the version there if the schema is in it, else the first that holds it.
            List<RegisteredVersion> uses = registry.usesOf(schema.id(), true);
            RegisteredVersion use = uses.stream().filter(candidate -> candidate.subject().equals(subject))
                    .findFirst().orElse(uses.isEmpty() ? null : uses.get(0));
            Integer maxId = request.flag("fetchMaxId") ? registry.maxId() : null;
            return ok(request, RegistryJson.schema(schema, use, named, maxId, resolved(request)));
        }

        private Response schemaByGuid(Request request) {
            StoredSchema schema = registry.schemaByGuid(request.pathParam("guid"));
            return ok(request, RegistryJson.schema(schema, null, false, null, resolved(request)));
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
                    request.pathParam("version"), RegistryJson.schemaText(body(request)), request.flag("normalize"));
            ObjectNode body = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
            if (request.flag("verbose")) {
                ArrayNode messages = body.putArray("messages");
                problems.forEach(messages::add);
            }
            return ok(request, body);
        }

        private Response globalConfig(Request request) {
            RegistryConfig config = registry.globalConfig();
            return ok(request, RegistryJson.config(config, registry.configInScope(null).compatibilityLevel()));
        }

        private Response updateGlobalConfig(Request request) {
            RegistryConfig updated = RegistryJson.updated(registry.globalConfig(), body(request));
            return ok(request, RegistryJson.configUpdate(registry.updateGlobalConfig(updated)));
        }

        private Response deleteGlobalConfig(Request request) {
            RegistryConfig previous = registry.deleteGlobalConfig();
            return ok(request, RegistryJson.config(previous, previous.compatibilityLevel() != null
                    ? previous.compatibilityLevel() : CompatibilityLevel.BACKWARD));
        }

        private Response subjectConfig(Request request) {
            String subject = request.pathParam("subject");
            Optional<RegistryConfig> own = registry.subjectConfig(subject);
            if (request.flag("defaultToGlobal")) {
                RegistryConfig inScope = registry.configInScope(subject);
                return ok(request, RegistryJson.config(inScope, inScope.compatibilityLevel()));
            }
            RegistryConfig config = own.orElseThrow(
                    () -> RegistryException.subjectLevelCompatibilityNotConfigured(subject));
            return ok(request, RegistryJson.config(config, config.compatibilityLevel() != null
                    ? config.compatibilityLevel() : CompatibilityLevel.BACKWARD));
        }

        private Response updateSubjectConfig(Request request) {
            String subject = request.pathParam("subject");
            RegistryConfig updated = RegistryJson.updated(
                    registry.subjectConfig(subject).orElse(RegistryConfig.EMPTY), body(request));
            return ok(request, RegistryJson.configUpdate(registry.updateSubjectConfig(subject, updated)));
        }

        private Response deleteSubjectConfig(Request request) {
            RegistryConfig previous = registry.deleteSubjectConfig(request.pathParam("subject"));
            return ok(request, RegistryJson.config(previous, previous.compatibilityLevel() != null
                    ? previous.compatibilityLevel() : CompatibilityLevel.BACKWARD));
        }

        private Response globalMode(Request request) {
            return mode(request, registry.globalMode().orElse(RegistryMode.READWRITE));
        }

        private Response subjectMode(Request request) {
            String subject = request.pathParam("subject");
            Optional<RegistryMode> own = registry.subjectMode(subject);
            if (own.isEmpty() && !request.flag("defaultToGlobal")) {
                throw RegistryException.subjectLevelModeNotConfigured(subject);
            }
            return mode(request, registry.modeOf(subject));
        }

        private Response updateGlobalMode(Request request) {
            JsonNode body = body(request);
            registry.globalMode(modeIn(body, true), request.flag("force"));
            return ok(request, echoedMode(body));
        }

        private Response updateSubjectMode(Request request) {
            JsonNode body = body(request);
            registry.subjectMode(request.pathParam("subject"), modeIn(body, false), request.flag("force"));
            return ok(request, echoedMode(body));
        }

        private static RegistryMode modeIn(JsonNode body, boolean global) {
            JsonNode mode = body.get("mode");
            if (mode == null || mode.isNull()) {
                return null;
            }
            return RegistryMode.parse(mode.isTextual() ? mode.asText() : mode.toString(), global);
        }

        /** Confluent answers a mode change with the mode as the client sent it. */
        private static JsonNode echoedMode(JsonNode body) {
            ObjectNode echoed = JSON.createObjectNode();
            if (body.hasNonNull("mode")) {
                echoed.set("mode", body.get("mode"));
            }
            return echoed;
        }

        private static Response mode(Request request, RegistryMode mode) {
            return ok(request, JSON.createObjectNode().put("mode", mode.name()));
        }

        private static boolean resolved(Request request) {
            return "resolved".equals(request.query("format"));
        }

        private static int intQuery(Request request, String name, int fallback) {
            String value = request.query(name);
            try {
                return value == null || value.isEmpty() ? fallback : Integer.parseInt(value);
            }
            catch (NumberFormatException e) {
                throw new HttpStatusException(400, "Query parameter " + name + " must be an integer");
            }
        }

        private static int schemaId(Request request) {
            try {
                return Integer.parseInt(request.pathParam("id"));
            }
            catch (NumberFormatException e) {
                throw new HttpStatusException(404, "HTTP 404 Not Found");
            }
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
