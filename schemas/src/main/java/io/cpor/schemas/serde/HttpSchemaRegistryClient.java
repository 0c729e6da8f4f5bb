package io.cpor.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cpor.schemas.datacontract.Metadata;
import io.cpor.schemas.datacontract.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client of the Confluent Schema Registry REST API v1 that caches what it learns: ids by (subject, schema) and
 * schemas by id forever (they never change), the latest version of a subject for a configurable time. Several base
 * URLs may be given; each call tries them in order until one answers.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, "
            + "application/json; qs=0.5";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The largest answer read: far above any schema (Confluent's own limit on a schema is a few MB). */
    static final int MAX_ANSWER_BYTES = 8 << 20;

    private final List<URI> baseUrls;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Duration latestTimeToLive;
    private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();
    private final Map<Integer, DataContract> contracts = new ConcurrentHashMap<>();
    private final Map<String, Expiring> latest = new ConcurrentHashMap<>();

    /**
     * @param baseUrls registry base URLs, tried in order
     * @param requestTimeout how long one HTTP call may take
     * @param latestTimeToLive how long a subject's latest version is cached; negative caches it forever
     */
    public HttpSchemaRegistryClient(List<String> baseUrls, Duration requestTimeout, Duration latestTimeToLive) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("At least one schema registry URL is required");
        }
        this.baseUrls = baseUrls.stream().map(HttpSchemaRegistryClient::baseUri).toList();
        this.requestTimeout = requestTimeout;
        this.latestTimeToLive = latestTimeToLive;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    public HttpSchemaRegistryClient(String baseUrl) {
        this(List.of(baseUrl), Duration.ofSeconds(10), Duration.ofSeconds(-1));
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = ids.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + segment(subject) + "/versions", schemaBody(schema));
        int id = id(answer, subject);
        schemas.putIfAbsent(id, schema);
        ids.putIfAbsent(key, id);
        return id;
    }

    @Override
    public int lookup(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = ids.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + segment(subject), schemaBody(schema));
        int id = id(answer, subject);
        schemas.putIfAbsent(id, schema);
        ids.putIfAbsent(key, id);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemas.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        Schema schema = parse(answer);
        contracts.putIfAbsent(id, contract(answer));
        Schema previous = schemas.putIfAbsent(id, schema);
        return previous == null ? schema : previous;
    }

    @Override
    public DataContract contractById(int id) {
        DataContract cached = contracts.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        schemas.putIfAbsent(id, parse(answer));
        DataContract contract = contract(answer);
        contracts.putIfAbsent(id, contract);
        return contract;
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return cachedLatest(subject, () -> version(subject, "latest"));
    }

    @Override
    public RegisteredSchema latestWithMetadata(String subject, Map<String, String> properties) {
        StringBuilder query = new StringBuilder();
        new TreeMap<>(properties).forEach((key, value) -> query.append(query.isEmpty() ? "?" : "&")
                .append("key=").append(segment(key)).append("&value=").append(segment(value)));
        return cachedLatest(subject + query, () -> registered(subject,
                send("GET", "/subjects/" + segment(subject) + "/metadata" + query, null)));
    }

    @Override
    public RegisteredSchema version(String subject, int version) {
        return registered(subject, send("GET", "/subjects/" + segment(subject) + "/versions/" + version
                + "?deleted=true", null));
    }

    @Override
    public int versionOf(String subject, int id) {
        JsonNode uses = send("GET", "/schemas/ids/" + id + "/versions?deleted=true", null);
        for (JsonNode use : uses) {
            if (subject.equals(use.path("subject").asText()) && use.path("version").isInt()) {
                return use.path("version").asInt();
            }
        }
        throw new SchemaRegistryException(404, 40403, "Schema " + id + " is not a version of subject " + subject);
    }

    /** A version of a subject: a number, or {@code latest}. Not cached. */
    public RegisteredSchema version(String subject, String version) {
        return registered(subject, send("GET", "/subjects/" + segment(subject) + "/versions/" + segment(version),
                null));
    }

    private RegisteredSchema cachedLatest(String key, java.util.function.Supplier<RegisteredSchema> load) {
        Expiring cached = latest.get(key);
        if (cached != null && (latestTimeToLive.isNegative()
                || System.nanoTime() - cached.loadedAtNanos() < latestTimeToLive.toNanos())) {
            return cached.schema();
        }
        RegisteredSchema fresh = load.get();
        latest.put(key, new Expiring(fresh, System.nanoTime()));
        return fresh;
    }

    private RegisteredSchema registered(String subject, JsonNode answer) {
        Schema schema = parse(answer);
        int id = id(answer, subject);
        schemas.putIfAbsent(id, schema);
        DataContract contract = contract(answer);
        contracts.putIfAbsent(id, contract);
        return new RegisteredSchema(answer.path("subject").asText(subject), id, answer.path("version").asInt(),
                schema, contract);
    }

    /** The metadata and rule set of an answer, kept whole; a registry answering malformed ones is refused. */
    private static DataContract contract(JsonNode answer) {
        try {
            Metadata metadata = answer.hasNonNull("metadata")
                    ? JSON.treeToValue(answer.get("metadata"), Metadata.class) : null;
            RuleSet ruleSet = answer.hasNonNull("ruleSet") ? JSON.treeToValue(answer.get("ruleSet"), RuleSet.class)
                    : null;
            return metadata == null && ruleSet == null ? DataContract.NONE : new DataContract(metadata, ruleSet);
        }
        catch (IOException | IllegalArgumentException e) {
            throw new SchemaRegistryException(200, 42210, "The schema registry answered a data contract this "
                    + "client cannot read: " + e.getMessage());
        }
    }

    private static int id(JsonNode answer, String subject) {
        JsonNode id = answer.path("id");
        if (!id.isInt() || id.asInt() < 0) {
            throw new SchemaRegistryException(200, 50001, "The schema registry's answer for subject " + subject
                    + " has no schema id: " + abbreviated(answer));
        }
        return id.asInt();
    }

    private static String abbreviated(JsonNode answer) {
        String text = answer.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private Schema parse(JsonNode answer) {
        try {
            return parseAvro(answer);
        }
        catch (SchemaRegistryException e) {
            throw e;
        }
        catch (RuntimeException e) {
            // Avro's parser answers a schema it cannot make sense of with assorted runtime exceptions.
            throw new SchemaRegistryException(200, 42201, "The schema registry answered with a schema that is "
                    + "not valid Avro: " + e);
        }
    }

    private Schema parseAvro(JsonNode answer) {
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRegistryException(200, 42201, "Schema type " + type + " is not Avro");
        }
        Schema.Parser parser = new Schema.Parser();
        for (JsonNode reference : answer.path("references")) {
            // A referenced schema defines named types the main schema uses; parsing it first makes them known.
            JsonNode referenced = send("GET", "/subjects/" + segment(reference.path("subject").asText())
                    + "/versions/" + reference.path("version").asInt(), null);
            parser.parse(referenced.path("schema").asText());
        }
        return parser.parse(answer.path("schema").asText());
    }

    private static String schemaBody(Schema schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema.toString());
        return body.toString();
    }

    private JsonNode send(String method, String path, String body) {
        IOException lastFailure = null;
        for (URI base : baseUrls) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(base.getPath() + path.substring(1)))
                    .timeout(requestTimeout)
                    .header("Accept", ACCEPT)
                    .header("Content-Type", CONTENT_TYPE)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<InputStream> response;
            String answer;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                answer = bounded(base, method, path, response.body());
            }
            catch (IOException e) {
                lastFailure = e;
                continue;
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryUnavailableException("Interrupted while calling the schema registry", e);
            }
            return answer(base, method, path, response.statusCode(), answer);
        }
        throw new SchemaRegistryUnavailableException("Schema registry unreachable at " + baseUrls + " for "
                + method + " " + path + ": " + lastFailure, lastFailure);
    }

    /**
     * The answer's body, read only as far as {@link #MAX_ANSWER_BYTES}: a registry (or whatever answers at its
     * address) cannot make a client hold more than that.
     */
    private static String bounded(URI base, String method, String path, InputStream body) throws IOException {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (bytes.length > MAX_ANSWER_BYTES) {
                throw new SchemaRegistryException(200, 50001, "Schema registry " + base + " answered " + method
                        + " " + path + " with more than " + MAX_ANSWER_BYTES + " bytes; refused");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static JsonNode answer(URI base, String method, String path, int status, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        }
        catch (IOException e) {
            json = JSON.createObjectNode();
        }
        if (json == null) {
            json = JSON.createObjectNode();
        }
        if (status >= 200 && status < 300) {
            return json;
        }
        String message = json.path("message").asText("HTTP " + status);
        int errorCode = json.path("error_code").asInt(status);
        String text = "Schema registry " + base + " refused " + method + " " + path + ": " + errorCode + " "
                + message;
        if (status >= 500) {
            throw new SchemaRegistryUnavailableException(text, null);
        }
        throw new SchemaRegistryException(status, errorCode, text);
    }

    private static URI baseUri(String url) {
        String trimmed = url.trim();
        return URI.create(trimmed.endsWith("/") ? trimmed : trimmed + "/");
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record SubjectSchema(String subject, Schema schema) {
    }

    private record Expiring(RegisteredSchema schema, long loadedAtNanos) {
    }
}
