package io.cpor.support.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Makes a service's published OpenAPI document say exactly what the service answers, whatever the annotations
 * forgot:
 * <ul>
 * <li>nullability as OpenAPI 3.1 spells it: a nullable reference becomes {@code anyOf [$ref, null]} (springdoc
 * writes {@code type: null} beside the {@code $ref}, which a validator reads as "only null");</li>
 * <li>required fields: every property of an answer (the services write every field, nulls included), and every
 * property of a request body that is not nullable;</li>
 * <li>catalog codes and statuses as enums, from the {@link ApiRules} the service gives (its catalog and domain
 * enums, so the document cannot drift from them);</li>
 * <li>UUID ids (path and query parameters, and properties of the same names) as {@code format: uuid};</li>
 * <li>every status each {@code /api} operation can answer besides its own: 400, 401, 403, 413 and 415 for a body,
 * 429 with {@code Retry-After} for a write, 500, 503 with {@code Retry-After}; each problem answer as
 * {@code application/problem+json} with the one shared {@link #PROBLEM} schema;</li>
 * <li>the bearer security requirement on every {@code /api} operation, and a contact and license in {@code info}.</li>
 * </ul>
 */
public final class ContractDocument implements OpenApiCustomizer {

    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String FIELD_ERROR = "FieldError";
    private static final String REF_PREFIX = "#/components/schemas/";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> UUID_PROPERTIES = Set.of("requestId", "reviewRequestId", "requestEventId");

    private final ApiRules rules;
    private final Set<String> uuidParameters;

    public ContractDocument(ApiRules rules, Collection<String> uuidParameters) {
        this.rules = rules;
        this.uuidParameters = Set.copyOf(uuidParameters);
    }

    @Override
    public void customise(OpenAPI api) {
        describe(api.getInfo() == null ? api.info(new Info()).getInfo() : api.getInfo());
        Components components = api.getComponents() == null ? api.components(new Components()).getComponents()
                : api.getComponents();
        components.addSchemas(FIELD_ERROR, fieldError()).addSchemas(PROBLEM, problem());
        Map<String, Schema> schemas = components.getSchemas();
        rules.nullable().forEach(property -> markNullable(schemas, property));
        schemas.values().forEach(schema -> everySchema(schema, ContractDocument::nullableReference));
        schemas.values().forEach(schema -> everySchema(schema, this::uuidProperties));
        Set<String> requests = reachable(schemas, requestBodySchemas(api));
        schemas.forEach((name, schema) -> {
            if (!name.equals(PROBLEM) && !name.equals(FIELD_ERROR)) {
                required(schema, !requests.contains(name));
            }
        });
        rules.enums().forEach((property, values) -> applyEnum(schemas, property, values));
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    operations(item).forEach((method, operation) -> operation(path, method, operation));
                }
            });
        }
    }

    private static void describe(Info info) {
        if (info.getContact() == null) {
            info.contact(new Contact().name("CPOR claims platform maintainers")
                    .url("https://partner.microsoft.com/support"));
        }
        if (info.getLicense() == null) {
            info.license(new License().name("Apache-2.0").identifier("Apache-2.0"));
        }
    }

    private void operation(String path, String method, Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.addSecurityItem(new SecurityRequirement().addList("bearer"));
        }
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(this::parameter);
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
        boolean body = operation.getRequestBody() != null;
        boolean input = body || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (input) {
            problem(responses, "400", "The request is malformed or a field is invalid; errors names each one");
        }
        problem(responses, "401", "No bearer token, or one that is expired, not from the issuer, or for another "
                + "audience");
        problem(responses, "403", "The token lacks the scope (or the partner_id) this API needs");
        if (path.contains("{")) {
            problem(responses, "404", "Nothing of yours has that id");
        }
        if (body) {
            problem(responses, "413", "The body is larger than the service takes (64 KiB by default)");
            problem(responses, "415", "The body is not application/json");
        }
        if (WRITES.contains(method)) {
            problem(responses, "429", "Too many changes from this partner; retry after Retry-After seconds")
                    .addHeaderObject("Retry-After", retryAfter());
        }
        problem(responses, "500", "The service failed; nothing was changed unless a later read shows it");
        problem(responses, "503", "The service's database is unreachable; retry after Retry-After seconds")
                .addHeaderObject("Retry-After", retryAfter());
    }

    private void parameter(Parameter parameter) {
        Schema<?> schema = parameter.getSchema();
        if (schema != null) {
            // springdoc may hand several parameters one schema object (two handlers of one operation, say):
            // each gets a copy before it is changed, or one parameter's enum or format would become all of theirs.
            schema = copy(schema);
            parameter.setSchema(schema);
        }
        if (schema != null && uuidParameters.contains(parameter.getName())) {
            schema.setFormat("uuid");
        }
        if (schema != null && "limit".equals(parameter.getName()) && isType(schema, "string")
                && schema.getDefault() != null) {
            schema.setTypes(Set.of("integer"));
            schema.setType("integer");
            schema.setFormat("int32");
            schema.setDefault(Integer.valueOf(schema.getDefault().toString()));
        }
        List<String> values = rules.parameterEnums().get(parameter.getName());
        if (schema != null && values != null) {
            ((Schema) schema).setEnum(new ArrayList<>(values));
        }
    }

    private static Schema<?> copy(Schema<?> schema) {
        try {
            return io.swagger.v3.core.util.Json31.mapper().readValue(
                    io.swagger.v3.core.util.Json31.mapper().writeValueAsString(schema), Schema.class);
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot copy the schema of a parameter", e);
        }
    }

    private static ApiResponse problem(ApiResponses responses, String status, String description) {
        ApiResponse response = responses.get(status);
        if (response == null) {
            response = new ApiResponse().description(description).content(problemContent());
            responses.addApiResponse(status, response);
        }
        return response;
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(REF_PREFIX
                + PROBLEM)));
    }

    private static Header retryAfter() {
        return new Header().description("Seconds to wait before retrying")
                .schema(new Schema<>().types(Set.of("integer")).type("integer"));
    }

    private static Schema<?> problem() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", string("A URI reference naming the kind of problem, e.g. /problems/invalid-request; "
                + "absent for a plain HTTP failure (about:blank)"));
        properties.put("title", string("A short summary of the kind of problem"));
        properties.put("status", new Schema<>().types(Set.of("integer")).type("integer").format("int32")
                .description("The HTTP status"));
        properties.put("detail", nullable(string("What went wrong for this request")));
        properties.put("instance", nullable(string("The request's path")));
        properties.put("errors", new Schema<>().types(Set.of("array")).type("array")
                .description("Each offending field, for a 400")
                .items(new Schema<>().$ref(REF_PREFIX + FIELD_ERROR)));
        return new Schema<>().types(Set.of("object")).type("object")
                .description("An RFC 9457 problem: every failure is answered with one")
                .properties(properties).required(List.of("title", "status"));
    }

    private static Schema<?> fieldError() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("field", string("The field's JSON path, e.g. customer.contact.email"));
        properties.put("message", string("What is wrong with it"));
        return new Schema<>().types(Set.of("object")).type("object").properties(properties)
                .required(List.of("field", "message"));
    }

    private static Schema<?> string(String description) {
        return new Schema<>().types(Set.of("string")).type("string").description(description);
    }

    private static Schema<?> nullable(Schema<?> schema) {
        Set<String> types = new LinkedHashSet<>(schema.getTypes());
        types.add("null");
        return schema.types(types);
    }

    /** A string property that carries an id of {@link #uuidParameters}' names is a UUID. */
    private void uuidProperties(Schema<?> schema) {
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                if ((uuidParameters.contains(name) || UUID_PROPERTIES.contains(name)) && isType(property, "string")
                        && property.getFormat() == null) {
                    property.setFormat("uuid");
                }
            });
        }
    }

    /** springdoc writes a nullable reference as {@code {type: null, $ref}}; 3.1 says {@code anyOf}. */
    private static void nullableReference(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().replaceAll((name, property) -> {
            if (property.get$ref() != null && isType(property, "null")) {
                Schema<?> either = new Schema<>().anyOf(List.of(new Schema<>().$ref(property.get$ref()),
                        new Schema<>().types(Set.of("null")).type("null")));
                either.setDescription(property.getDescription());
                return either;
            }
            return property;
        });
    }

    private static void required(Schema<?> schema, boolean answer) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = new ArrayList<>();
        schema.getProperties().forEach((name, property) -> {
            if (answer || !isNullable(property)) {
                required.add(name);
            }
        });
        schema.setRequired(required);
        schema.getProperties().values().forEach(property -> {
            if (property.getProperties() != null) {
                required(property, answer);
            }
        });
    }

    private static boolean isNullable(Schema<?> schema) {
        if (isType(schema, "null")) {
            return true;
        }
        return schema.getAnyOf() != null && schema.getAnyOf().stream().anyMatch(one -> isType(one, "null"));
    }

    private static boolean isType(Schema<?> schema, String type) {
        return (schema.getTypes() != null && schema.getTypes().contains(type)) || type.equals(schema.getType());
    }

    private static void markNullable(Map<String, Schema> schemas, String property) {
        Schema<?> target = property(schemas, property);
        Set<String> types = new LinkedHashSet<>(target.getTypes() == null ? Set.of() : target.getTypes());
        if (target.getType() != null) {
            types.add(target.getType());
        }
        types.add("null");
        target.setTypes(types);
    }

    private static Schema<?> property(Map<String, Schema> schemas, String property) {
        int dot = property.indexOf('.');
        Schema<?> owner = schemas.get(property.substring(0, dot));
        if (owner == null || owner.getProperties() == null
                || !owner.getProperties().containsKey(property.substring(dot + 1))) {
            throw new IllegalStateException("The API document has no property " + property);
        }
        return owner.getProperties().get(property.substring(dot + 1));
    }

    private static void applyEnum(Map<String, Schema> schemas, String property, List<String> values) {
        Schema<?> target = property(schemas, property);
        if (target.getItems() != null) {
            target = target.getItems();
        }
        List<Object> codes = new ArrayList<>(values);
        if (isNullable(target)) {
            codes.add(null);
        }
        target.setEnum((List) codes);
    }

    private static Set<String> requestBodySchemas(OpenAPI api) {
        Set<String> names = new HashSet<>();
        if (api.getPaths() == null) {
            return names;
        }
        api.getPaths().values().forEach(item -> operations(item).values().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values().forEach(media -> {
                    if (media.getSchema() != null) {
                        everySchema(media.getSchema(), schema -> referenced(schema, names));
                    }
                });
            }
        }));
        return names;
    }

    /** The named schemas {@code roots} refer to, directly or through others, with the roots. */
    private static Set<String> reachable(Map<String, Schema> schemas, Set<String> roots) {
        Set<String> seen = new HashSet<>(roots);
        Deque<String> next = new ArrayDeque<>(roots);
        while (!next.isEmpty()) {
            Schema<?> schema = schemas.get(next.pop());
            if (schema == null) {
                continue;
            }
            Set<String> found = new HashSet<>();
            everySchema(schema, one -> referenced(one, found));
            found.stream().filter(seen::add).forEach(next::push);
        }
        return seen;
    }

    private static void referenced(Schema<?> schema, Set<String> names) {
        if (schema.get$ref() != null && schema.get$ref().startsWith(REF_PREFIX)) {
            names.add(schema.get$ref().substring(REF_PREFIX.length()));
        }
    }

    /** {@code visit} on the schema and every schema inside it (properties, items, anyOf, oneOf, allOf). */
    private static void everySchema(Schema<?> schema, Consumer<Schema<?>> visit) {
        visit.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> everySchema(property, visit));
        }
        if (schema.getItems() != null) {
            everySchema(schema.getItems(), visit);
        }
        for (List<Schema> group : new List[] {schema.getAnyOf(), schema.getOneOf(), schema.getAllOf()}) {
            if (group != null) {
                group.forEach(one -> everySchema(one, visit));
            }
        }
    }

    private static Map<String, Operation> operations(PathItem item) {
        Map<String, Operation> operations = new TreeMap<>();
        item.readOperationsMap().forEach((method, operation) -> operations.put(method.name(), operation));
        return operations;
    }
}
