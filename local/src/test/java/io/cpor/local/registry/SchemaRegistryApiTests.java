package io.cpor.local.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Confluent Schema Registry REST API v1, endpoint by endpoint, with Confluent's error codes. */
class SchemaRegistryApiTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V1 = "application/vnd.schemaregistry.v1+json";
    private static final String ORDER_V1 = schema("""
            {"type":"record","name":"Order","namespace":"com.example","fields":[{"name":"id","type":"string"}]}""");
    private static final String ORDER_V2 = schema("""
            {"type":"record","name":"Order","namespace":"com.example","fields":[{"name":"id","type":"string"},
             {"name":"amount","type":"double","default":0.0}]}""");
    private static final String ORDER_BREAKING = schema("""
            {"type":"record","name":"Order","namespace":"com.example","fields":[{"name":"id","type":"string"},
             {"name":"customer","type":"string"}]}""");

    @TempDir
    Path data;

    private SchemaRegistryServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        server = SchemaRegistryServer.start("127.0.0.1", 0, data);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void registersASchemaAndAnswersItsId() {
        Answer answer = post("/subjects/orders-value/versions", ORDER_V1);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(V1);
        assertThat(fieldNames(answer.json())).as("Confluent 8's RegisterSchemaResponse")
                .containsExactly("id", "version", "guid", "schemaType", "schema");
        assertThat(answer.json().get("id").asInt()).isEqualTo(1);
        assertThat(answer.json().get("version").asInt()).isEqualTo(1);
        assertThat(answer.json().get("schemaType").asText()).isEqualTo("AVRO");
        assertThat(answer.json().get("schema").asText()).isEqualTo(canonical(ORDER_V1));
    }

    @Test
    void answersTheSameIdWhenTheSameSchemaIsRegisteredAgain() {
        int first = post("/subjects/orders-value/versions", ORDER_V1).json().get("id").asInt();
        String sameWithOtherSpacing = schema("""
                { "type" : "record", "name" : "Order", "namespace" : "com.example",
                  "fields" : [ { "name" : "id", "type" : "string" } ] }""");

        assertThat(post("/subjects/orders-value/versions", ORDER_V1).json().get("id").asInt()).isEqualTo(first);
        assertThat(post("/subjects/orders-value/versions", sameWithOtherSpacing).json().get("id").asInt())
                .isEqualTo(first);
        assertThat(get("/subjects/orders-value/versions").json().toString()).isEqualTo("[1]");
    }

    @Test
    void givesTheSameSchemaTheSameIdInEverySubject() {
        int inOrders = post("/subjects/orders-value/versions", ORDER_V1).json().get("id").asInt();
        int inArchive = post("/subjects/archive-value/versions", ORDER_V1).json().get("id").asInt();

        assertThat(inArchive).isEqualTo(inOrders);
        assertThat(get("/schemas/ids/" + inOrders + "/versions").json().toString())
                .isEqualTo("[{\"subject\":\"archive-value\",\"version\":1},{\"subject\":\"orders-value\",\"version\":1}]");
        assertThat(get("/schemas/ids/" + inOrders + "/subjects").json().toString())
                .isEqualTo("[\"archive-value\",\"orders-value\"]");
    }

    @Test
    void treatsAMissingSchemaTypeAsAvroAndRefusesOtherTypes() {
        String explicitAvro = "{\"schemaType\":\"AVRO\",\"schema\":" + JSON.valueToTree(
                "{\"type\":\"string\"}") + "}";
        String protobuf = "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}";

        assertThat(send("POST", "/subjects/s-value/versions", explicitAvro, V1).status()).isEqualTo(200);
        assertError(send("POST", "/subjects/p-value/versions", protobuf, V1), 422, 42201);
    }

    @Test
    void refusesAnInvalidOrEmptySchemaWith42201() {
        assertError(post("/subjects/s-value/versions", schema("{\"type\":\"record\",\"name\":\"X\"}")), 422, 42201);
        assertError(post("/subjects/s-value/versions", schema("{\"type\":\"strin\"}")), 422, 42201);
        assertError(send("POST", "/subjects/s-value/versions", "{\"schema\":\"\"}", V1), 422, 42201);
    }

    @Test
    void looksASchemaUpWithItsSubjectIdAndVersion() {
        post("/subjects/orders-value/versions", ORDER_V1);
        post("/subjects/orders-value/versions", ORDER_V2);

        JsonNode found = post("/subjects/orders-value", ORDER_V2).json();

        assertThat(found.get("subject").asText()).isEqualTo("orders-value");
        assertThat(found.get("id").asInt()).isEqualTo(2);
        assertThat(found.get("version").asInt()).isEqualTo(2);
        assertThat(found.get("schema").asText()).contains("\"amount\"");
        assertThat(fieldNames(found)).as("Confluent 8's Schema")
                .containsExactly("subject", "version", "id", "guid", "schemaType", "schema", "ts", "deleted");
    }

    @Test
    void refusesALookUpInAnUnknownSubjectOrOfAnUnregisteredSchema() {
        assertError(post("/subjects/nobody-value", ORDER_V1), 404, 40401);
        post("/subjects/orders-value/versions", ORDER_V1);
        assertError(post("/subjects/orders-value", ORDER_V2), 404, 40403);
    }

    @Test
    void answersASchemaById() {
        int id = post("/subjects/orders-value/versions", ORDER_V1).json().get("id").asInt();

        JsonNode byId = get("/schemas/ids/" + id).json();
        JsonNode withHint = get("/schemas/ids/" + id + "?subject=orders-value").json();

        assertThat(fieldNames(byId)).as("Confluent 8's SchemaString without a subject")
                .containsExactly("guid", "schemaType", "schema", "ts", "deleted");
        assertThat(byId.get("schema").asText()).isEqualTo(canonical(ORDER_V1));
        assertThat(fieldNames(withHint)).as("with the subject it was asked for")
                .containsExactly("subject", "version", "guid", "schemaType", "schema", "ts", "deleted");
        assertThat(withHint.get("version").asInt()).isEqualTo(1);
        assertThat(get("/schemas/ids/" + id + "?subject=").json().has("subject")).isFalse();
        assertThat(get("/schemas/ids/" + id + "/schema").json().get("name").asText()).isEqualTo("Order");
        assertError(get("/schemas/ids/999"), 404, 40403);
        assertError(get("/schemas/ids/999/versions"), 404, 40403);
    }

    @Test
    void listsSubjectsAndTheirVersions() {
        post("/subjects/orders-value/versions", ORDER_V1);
        post("/subjects/orders-value/versions", ORDER_V2);
        post("/subjects/archive-value/versions", ORDER_V1);

        assertThat(get("/subjects").json().toString()).isEqualTo("[\"archive-value\",\"orders-value\"]");
        assertThat(get("/subjects?subjectPrefix=ord").json().toString()).isEqualTo("[\"orders-value\"]");
        assertThat(get("/subjects/orders-value/versions").json().toString()).isEqualTo("[1,2]");
        assertError(get("/subjects/nobody-value/versions"), 404, 40401);
    }

    @Test
    void answersAVersionByNumberOrAsLatest() {
        post("/subjects/orders-value/versions", ORDER_V1);
        post("/subjects/orders-value/versions", ORDER_V2);

        assertThat(get("/subjects/orders-value/versions/1").json().get("id").asInt()).isEqualTo(1);
        assertThat(get("/subjects/orders-value/versions/latest").json().get("version").asInt()).isEqualTo(2);
        assertThat(get("/subjects/orders-value/versions/-1").json().get("version").asInt()).isEqualTo(2);
        assertThat(get("/subjects/orders-value/versions/latest/schema").json().get("fields").size()).isEqualTo(2);
        assertError(get("/subjects/orders-value/versions/3"), 404, 40402);
        assertError(get("/subjects/nobody-value/versions/1"), 404, 40401);
        assertError(get("/subjects/orders-value/versions/abc"), 422, 42202);
        assertError(get("/subjects/orders-value/versions/0"), 422, 42202);
    }

    @Test
    void refusesAnIncompatibleSchemaWith409AndAcceptsACompatibleOne() {
        post("/subjects/orders-value/versions", ORDER_V1);

        Answer breaking = post("/subjects/orders-value/versions", ORDER_BREAKING);
        Answer evolving = post("/subjects/orders-value/versions", ORDER_V2);

        assertError(breaking, 409, 40901);
        assertThat(breaking.json().get("message").asText()).contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("customer");
        assertThat(evolving.status()).isEqualTo(200);
        assertThat(get("/subjects/orders-value/versions").json().toString()).isEqualTo("[1,2]");
    }

    @Test
    void checksCompatibilityWithoutRegistering() {
        post("/subjects/orders-value/versions", ORDER_V1);

        assertThat(post("/compatibility/subjects/orders-value/versions/latest", ORDER_V2).json().toString())
                .isEqualTo("{\"is_compatible\":true}");
        JsonNode verbose = post("/compatibility/subjects/orders-value/versions/1?verbose=true", ORDER_BREAKING)
                .json();
        assertThat(verbose.get("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.get("messages").get(0).asText()).contains("customer");
        assertThat(post("/compatibility/subjects/orders-value/versions", ORDER_BREAKING).json()
                .get("is_compatible").asBoolean()).isFalse();
        assertThat(post("/compatibility/subjects/nobody-value/versions/latest", ORDER_BREAKING).json()
                .get("is_compatible").asBoolean()).isTrue();
        assertError(post("/compatibility/subjects/orders-value/versions/7", ORDER_V2), 404, 40402);
        assertThat(get("/subjects/orders-value/versions").json().toString()).isEqualTo("[1]");
    }

    @Test
    void readsAndChangesTheGlobalAndSubjectCompatibility() {
        assertThat(get("/config").json().toString()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        assertThat(send("PUT", "/config", "{\"compatibility\":\"full\"}", V1).json().toString())
                .isEqualTo("{\"compatibility\":\"FULL\"}");
        assertThat(get("/config").json().get("compatibilityLevel").asText()).isEqualTo("FULL");
        assertError(send("PUT", "/config", "{\"compatibility\":\"SIDEWAYS\"}", V1), 422, 42203);

        assertError(get("/config/orders-value"), 404, 40408);
        assertThat(get("/config/orders-value?defaultToGlobal=true").json().get("compatibilityLevel").asText())
                .isEqualTo("FULL");
        assertThat(send("PUT", "/config/orders-value", "{\"compatibility\":\"NONE\"}", V1).json().toString())
                .isEqualTo("{\"compatibility\":\"NONE\"}");
        assertThat(get("/config/orders-value").json().get("compatibilityLevel").asText()).isEqualTo("NONE");

        post("/subjects/orders-value/versions", ORDER_V1);
        assertThat(post("/subjects/orders-value/versions", ORDER_BREAKING).status()).as("NONE accepts anything")
                .isEqualTo(200);
        assertThat(send("DELETE", "/config/orders-value", null, null).json().get("compatibilityLevel").asText())
                .isEqualTo("NONE");
        assertError(send("DELETE", "/config/orders-value", null, null), 404, 40401);
    }

    @Test
    void softDeletesThenPermanentlyDeletesAVersion() {
        post("/subjects/orders-value/versions", ORDER_V1);
        post("/subjects/orders-value/versions", ORDER_V2);

        assertError(send("DELETE", "/subjects/orders-value/versions/2?permanent=true", null, null), 404, 40407);
        assertThat(send("DELETE", "/subjects/orders-value/versions/2", null, null).json().asInt()).isEqualTo(2);
        assertError(get("/subjects/orders-value/versions/2"), 404, 40402);
        assertThat(get("/subjects/orders-value/versions/2?deleted=true").json().get("id").asInt()).isEqualTo(2);
        assertThat(get("/subjects/orders-value/versions").json().toString()).isEqualTo("[1]");
        assertError(send("DELETE", "/subjects/orders-value/versions/2", null, null), 404, 40406);
        assertThat(send("DELETE", "/subjects/orders-value/versions/2?permanent=true", null, null).json().asInt())
                .isEqualTo(2);
        assertError(get("/subjects/orders-value/versions/2?deleted=true"), 404, 40402);
    }

    @Test
    void softDeletesThenPermanentlyDeletesASubject() {
        post("/subjects/orders-value/versions", ORDER_V1);
        post("/subjects/orders-value/versions", ORDER_V2);

        assertError(send("DELETE", "/subjects/orders-value?permanent=true", null, null), 404, 40405);
        assertThat(send("DELETE", "/subjects/orders-value", null, null).json().toString()).isEqualTo("[1,2]");
        assertThat(get("/subjects").json().toString()).isEqualTo("[]");
        assertThat(get("/subjects?deleted=true").json().toString()).isEqualTo("[\"orders-value\"]");
        assertError(send("DELETE", "/subjects/orders-value", null, null), 404, 40404);
        assertThat(send("DELETE", "/subjects/orders-value?permanent=true", null, null).json().toString())
                .isEqualTo("[1,2]");
        assertThat(get("/subjects?deleted=true").json().toString()).isEqualTo("[]");
        assertError(send("DELETE", "/subjects/orders-value", null, null), 404, 40401);
        assertThat(get("/schemas/ids/1").status()).as("ids stay readable").isEqualTo(200);
    }

    @Test
    void bringsASoftDeletedSchemaBackWithItsIdAsANewVersion() {
        int id = post("/subjects/orders-value/versions", ORDER_V1).json().get("id").asInt();
        send("DELETE", "/subjects/orders-value/versions/1", null, null);

        assertThat(post("/subjects/orders-value/versions", ORDER_V1).json().get("id").asInt()).isEqualTo(id);
        assertThat(get("/subjects/orders-value/versions").json().toString()).isEqualTo("[2]");
        assertThat(get("/subjects/orders-value/versions?deleted=true").json().toString()).isEqualTo("[2]");
    }

    @Test
    void resolvesReferencesToOtherSubjectsAndProtectsWhatIsReferenced() {
        String money = schema("""
                {"type":"record","name":"Money","namespace":"com.example","fields":[{"name":"cents","type":"long"}]}""");
        post("/subjects/money/versions", money);
        String invoice = "{\"schema\":" + JSON.valueToTree("""
                {"type":"record","name":"Invoice","namespace":"com.example","fields":[{"name":"total","type":"com.example.Money"}]}""")
                + ",\"references\":[{\"name\":\"com.example.Money\",\"subject\":\"money\",\"version\":1}]}";

        Answer registered = send("POST", "/subjects/invoices-value/versions", invoice, V1);
        JsonNode byId = get("/schemas/ids/" + registered.json().get("id").asInt()).json();

        assertThat(registered.status()).isEqualTo(200);
        assertThat(byId.get("references").get(0).get("subject").asText()).isEqualTo("money");
        assertThat(byId.get("schema").asText()).as("the referenced type by name, not inlined")
                .contains("\"type\":\"Money\"").doesNotContain("cents");
        assertThat(get("/subjects/money/versions/1/referencedby").json().toString())
                .isEqualTo("[" + registered.json().get("id").asInt() + "]");
        assertError(send("DELETE", "/subjects/money/versions/1", null, null), 422, 42206);
        String dangling = invoice.replace("\"version\":1", "\"version\":9");
        assertError(send("POST", "/subjects/other-value/versions", dangling, V1), 422, 42201);
    }

    @Test
    void answersUnknownPathsWith404CarryingErrorCodeAndMessage() {
        Answer associations = get("/associations/resources/-/orders?resourceType=topic&associationType=value");

        assertError(associations, 404, 404);
        assertThat(associations.json().get("message").asText()).isEqualTo("HTTP 404 Not Found");
        assertError(send("PATCH", "/subjects", "{}", V1), 405, 405);
    }

    @Test
    void takesTheMediaTypesConfluentTakesAndRefusesOthers() {
        String body = "{\"schema\":" + JSON.valueToTree(ORDER_V1JSON) + "}";

        assertThat(send("POST", "/subjects/a-value/versions", body, "application/json").status()).isEqualTo(200);
        assertThat(send("POST", "/subjects/b-value/versions", body, "application/vnd.schemaregistry+json").status())
                .isEqualTo(200);
        assertThat(send("POST", "/subjects/c-value/versions", body, "application/octet-stream").status())
                .isEqualTo(200);
        assertError(send("POST", "/subjects/d-value/versions", body, "text/plain"), 415, 415);
        assertError(send("POST", "/subjects/e-value/versions", "{not json", V1), 400, 400);
        assertThat(send("GET", "/subjects", null, null, "application/json").contentType())
                .isEqualTo("application/json");
    }

    @Test
    void answersTheModeAndTheSchemaTypes() {
        assertThat(get("/mode").json().toString()).isEqualTo("{\"mode\":\"READWRITE\"}");
        assertError(get("/mode/orders-value"), 404, 40409);
        assertThat(get("/schemas/types").json().toString()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void keepsEverythingAcrossARestart() throws IOException {
        post("/subjects/orders-value/versions", ORDER_V1);
        post("/subjects/orders-value/versions", ORDER_V2);
        send("PUT", "/config/orders-value", "{\"compatibility\":\"FULL\"}", V1);
        send("DELETE", "/subjects/orders-value/versions/1", null, null);

        server.close();
        server = SchemaRegistryServer.start("127.0.0.1", 0, data);

        assertThat(get("/subjects/orders-value/versions").json().toString()).isEqualTo("[2]");
        assertThat(get("/subjects/orders-value/versions/1?deleted=true").json().get("id").asInt()).isEqualTo(1);
        assertThat(get("/schemas/ids/2").json().get("schema").asText()).isEqualTo(canonical(ORDER_V2));
        assertThat(get("/config/orders-value").json().get("compatibilityLevel").asText()).isEqualTo("FULL");
        assertThat(post("/subjects/other-value/versions", schema("{\"type\":\"string\"}")).json().get("id").asInt())
                .as("ids continue after the highest one").isEqualTo(3);
    }

    @Test
    void keepsContractsConfigsAndModesAcrossARestart() throws IOException {
        String withContract = "{\"schema\":" + JSON.valueToTree(canonical(ORDER_V1)) + ",\"metadata\":{\"properties\":"
                + "{\"owner\":\"claims\"}},\"ruleSet\":{\"domainRules\":[{\"name\":\"r\",\"type\":\"CEL\","
                + "\"mode\":\"WRITE\"}]}}";
        JsonNode registered = post("/subjects/orders-value/versions", withContract).json();
        send("PUT", "/config", "{\"normalize\":true,\"defaultMetadata\":{\"properties\":{\"team\":\"cpor\"}}}", V1);
        send("PUT", "/mode/orders-value", "{\"mode\":\"READONLY\"}", V1);

        server.close();
        server = SchemaRegistryServer.start("127.0.0.1", 0, data);

        JsonNode version = get("/subjects/orders-value/versions/1").json();
        assertThat(version.get("metadata")).isEqualTo(registered.get("metadata"));
        assertThat(version.get("ruleSet")).isEqualTo(registered.get("ruleSet"));
        assertThat(version.get("guid").asText()).isEqualTo(registered.get("guid").asText());
        assertThat(get("/config").json().toString()).isEqualTo("{\"normalize\":true,\"compatibilityLevel\":"
                + "\"BACKWARD\",\"defaultMetadata\":{\"properties\":{\"team\":\"cpor\"}}}");
        assertThat(get("/mode/orders-value").json().toString()).isEqualTo("{\"mode\":\"READONLY\"}");
    }

    @Test
    void mergesAConfigChangeWithWhatIsStored() {
        send("PUT", "/config/orders-value", "{\"compatibility\":\"full\",\"normalize\":true}", V1);

        Answer kept = send("PUT", "/config/orders-value", "{\"compatibilityGroup\":\"major\"}", V1);
        Answer cleared = send("PUT", "/config/orders-value", "{\"normalize\":null}", V1);

        assertThat(kept.json().toString()).isEqualTo(
                "{\"normalize\":true,\"compatibility\":\"FULL\",\"compatibilityGroup\":\"major\"}");
        assertThat(cleared.json().toString()).isEqualTo("{\"compatibility\":\"FULL\",\"compatibilityGroup\":\"major\"}");
        assertThat(get("/config/other-value?defaultToGlobal=true").json().toString())
                .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        assertError(get("/config/other-value"), 404, 40408);
        assertError(send("DELETE", "/config/other-value", null, null), 404, 40401);
        assertError(send("PUT", "/config", "{\"compatibility\":\"SIDEWAYS\"}", V1), 422, 42203);
        assertError(send("PUT", "/config", "{\"defaultRuleSet\":{\"domainRules\":[{\"name\":\"9\",\"type\":\"CEL\"}]}}",
                V1), 422, 42210);
    }

    @Test
    void holdsNamesToAvrosStrictRulesWhenTheConfigValidatesFields() {
        String accented = schema("""
                {"type":"record","name":"Order","fields":[{"name":"número","type":"string"}]}""");
        send("PUT", "/config/strict-value", "{\"validateFields\":true}", V1);

        assertError(post("/subjects/strict-value/versions", accented), 422, 42201);
        assertThat(post("/subjects/lenient-value/versions", accented).status()).isEqualTo(200);
    }

    @Test
    void importsSchemasWithTheirIdsAndVersionsOnlyInImportMode() {
        String imported = "{\"schema\":" + JSON.valueToTree(canonical(ORDER_V1)) + ",\"id\":42,\"version\":7}";
        assertError(post("/subjects/orders-value/versions", imported), 422, 42205);

        assertThat(send("PUT", "/mode", "{\"mode\":\"import\"}", V1).json().toString())
                .as("echoed as sent").isEqualTo("{\"mode\":\"import\"}");
        JsonNode answer = post("/subjects/orders-value/versions", imported).json();
        assertThat(post("/subjects/orders-value/versions", schema(ORDER_V1JSON)).json().get("id").asInt())
                .as("a schema already there is found, whatever the mode").isEqualTo(42);
        assertError(post("/subjects/orders-value/versions", ORDER_V2), 422, 42205);
        assertError(post("/subjects/other-value/versions", "{\"schema\":" + JSON.valueToTree(canonical(ORDER_V2))
                + ",\"id\":42}"), 422, 42205);
        send("PUT", "/mode", "{\"mode\":\"READWRITE\"}", V1);

        assertThat(answer.get("id").asInt()).isEqualTo(42);
        assertThat(answer.get("version").asInt()).isEqualTo(7);
        assertThat(post("/subjects/next-value/versions", ORDER_V2).json().get("id").asInt())
                .as("ids continue after the imported one").isEqualTo(43);
        assertError(send("PUT", "/mode", "{\"mode\":\"IMPORT\"}", V1), 422, 42205);
        assertThat(send("PUT", "/mode?force=true", "{\"mode\":\"IMPORT\"}", V1).status()).isEqualTo(200);
    }

    @Test
    void listsDeletedVersionsAndSubjectsOnRequest() {
        post("/subjects/orders-value/versions", ORDER_V1);
        post("/subjects/orders-value/versions", ORDER_V2);
        post("/subjects/gone-value/versions", ORDER_V1);
        send("DELETE", "/subjects/orders-value/versions/1", null, null);
        send("DELETE", "/subjects/gone-value", null, null);

        assertThat(get("/subjects/orders-value/versions?deletedOnly=true").json().toString()).isEqualTo("[1]");
        assertThat(get("/subjects/orders-value/versions?deletedAsNegative=true").json().toString())
                .isEqualTo("[-1,2]");
        assertThat(get("/subjects?deletedOnly=true").json().toString()).isEqualTo("[\"gone-value\"]");
        assertThat(get("/subjects?deleted=true").json().toString()).isEqualTo("[\"gone-value\",\"orders-value\"]");
        assertThat(get("/schemas?deleted=true").json()).hasSize(3);
        assertThat(get("/schemas").json()).hasSize(1);
        assertThat(get("/schemas/ids/1?fetchMaxId=true").json().get("maxId").asInt()).isEqualTo(2);
        assertThat(get("/subjects/orders-value/metadata").json().has("error_code"))
                .as("no version has metadata").isTrue();
    }

    private static final String ORDER_V1JSON = """
            {"type":"record","name":"Order","namespace":"com.example","fields":[{"name":"id","type":"string"}]}""";

    private static String schema(String avsc) {
        return "{\"schema\":" + JSON.valueToTree(avsc) + "}";
    }

    private static String canonical(String requestBody) {
        try {
            return new org.apache.avro.Schema.Parser().parse(JSON.readTree(requestBody).get("schema").asText())
                    .toString();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertError(Answer answer, int status, int errorCode) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.json().get("error_code").asInt()).as(answer.toString()).isEqualTo(errorCode);
        assertThat(answer.json().get("message").asText()).isNotBlank();
    }

    private Answer get(String path) {
        return send("GET", path, null, null);
    }

    private Answer post(String path, String body) {
        return send("POST", path, body, V1);
    }

    private Answer send(String method, String path, String body, String contentType) {
        return send(method, path, body, contentType, V1 + ", application/json");
    }

    private Answer send(String method, String path, String body, String contentType, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Answer(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            }
            catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }
    }
}
