package io.cpor.claims.api;

import static io.cpor.claims.ClaimJson.JSON;
import static io.cpor.claims.ClaimJson.array;
import static io.cpor.claims.ClaimJson.text;
import static io.cpor.claims.ClaimJson.valid;
import static io.cpor.claims.ClaimJson.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.cpor.claims.PlatformBackedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Every bad request gets a clear RFC 9457 answer naming the offending field, and never a 500. Bad bodies store
 * nothing: each case is refused before the claim is.
 */
class BadRequestsIntegrationTests extends PlatformBackedTest {

    static Stream<Arguments> badClaims() {
        String good = valid("1000001").toString();
        return Stream.of(
                bad("malformed JSON", "{\"partnerId\": \"1000001\",", 400, "(body)"),
                bad("an array instead of an object", "[]", 400, "(body)"),
                bad("an unknown top-level field", withRaw(good, "\"color\":\"blue\","), 400, "color"),
                bad("an unknown nested field", good.replace("\"title\":\"CIO\"", "\"phone\":\"+1 555\""), 400,
                        "customer.contact.phone"),
                bad("a title on the partner contact", good.replace("\"name\":\"Sam Partner\"",
                        "\"name\":\"Sam Partner\",\"title\":\"CEO\""), 400, "partnerContact.title"),
                bad("a number for a string", with(valid("1000001"), "partnerId", JSON.getNodeFactory()
                        .numberNode(1000001)).toString(), 400, "partnerId"),
                bad("a string for an array", with(valid("1000001"), "workloads", text("TEAMS")).toString(), 400,
                        "workloads"),
                bad("a string for a number", good.replace("48213", "\"big\""), 400, "proofOfExecution.sizeBytes"),
                bad("a duplicate key", withRaw(good, "\"name\":\"twice\","), 400, "(body)"),
                bad("a missing name", with(valid("1000001"), "name", null).toString(), 400, "name"),
                bad("a name over 200 characters", with(valid("1000001"), "name", text("x".repeat(201))).toString(),
                        400, "name"),
                bad("a line break in a name", with(valid("1000001"), "name", text("Evil\r\nBcc: x@y.z")).toString(),
                        400, "name"),
                bad("a partnerId of 5 digits", with(valid("12345"), "partnerId", text("12345")).toString(), 400,
                        "partnerId"),
                bad("a missing customer", with(valid("1000001"), "customer", null).toString(), 400, "customer"),
                bad("a tenant id that is no GUID", with(valid("1000001"), "customer.tenantId", text("contoso"))
                        .toString(), 400, "customer.tenantId"),
                bad("a domain that is no DNS name", with(valid("1000001"), "customer.domain", text("contoso"))
                        .toString(), 400, "customer.domain"),
                bad("an unsupported locale", with(valid("1000001"), "customer.locale", text("de-DE")).toString(),
                        400, "customer.locale"),
                bad("an invalid customer email", with(valid("1000001"), "customer.contact.email",
                        text("ana.souza@")).toString(), 400, "customer.contact.email"),
                bad("an invalid partner email", with(valid("1000001"), "partnerContact.email", text("sam"))
                        .toString(), 400, "partnerContact.email"),
                bad("an unknown solution area", with(valid("1000001"), "solutionArea", text("MODERN_WORK"))
                        .toString(), 400, "solutionArea"),
                bad("an unknown program", with(valid("1000001"), "program", text("OSU_AZURE")).toString(), 400,
                        "program"),
                bad("an unknown partner role", with(valid("1000001"), "partnerRole", text("RESELLER")).toString(),
                        400, "partnerRole"),
                bad("no workloads", with(valid("1000001"), "workloads", array()).toString(), 400, "workloads"),
                bad("a workload twice", with(valid("1000001"), "workloads", array("TEAMS", "TEAMS")).toString(),
                        400, "workloads[1]"),
                bad("an unknown workload", with(valid("1000001"), "workloads", array("TEAM")).toString(), 400,
                        "workloads[0]"),
                bad("51 workloads", with(valid("1000001"), "workloads", fiftyOne()).toString(), 400, "workloads"),
                bad("a sha256 of the wrong length", with(valid("1000001"), "proofOfExecution.sha256",
                        text("abc123")).toString(), 400, "proofOfExecution.sha256"),
                bad("a proof location over http", with(valid("1000001"), "proofOfExecution.uri",
                        text("http://files.example.com/poe.pdf")).toString(), 400, "proofOfExecution.uri"),
                bad("a proof of zero bytes", good.replace("48213", "0"), 400, "proofOfExecution.sizeBytes"),
                bad("no acceptance of the program's terms", with(valid("1000001"), "programTermsAccepted", null)
                        .toString(), 400, "programTermsAccepted"),
                bad("the program's terms not accepted", with(valid("1000001"), "programTermsAccepted",
                        JSON.getNodeFactory().booleanNode(false)).toString(), 400, "programTermsAccepted"),
                bad("a string for the terms' acceptance", with(valid("1000001"), "programTermsAccepted",
                        text("yes")).toString(), 400, "programTermsAccepted"),
                bad("a technical contact on a Modern Work claim", with(valid("1000001"), "technicalContact",
                        JSON.createObjectNode().put("name", "Rui Tech").put("email", "rui@partner-one.example"))
                        .toString(), 400, "technicalContact"),
                bad("a Business Applications claim without a technical contact", businessApplications(false), 400,
                        "technicalContact"),
                bad("a technical contact's phone of letters", businessApplications(true).replace("+55 11 5555-0100",
                        "call me"), 400, "technicalContact.phone"),
                bad("comments over 4000 characters", with(valid("1000001"), "comments", text("x".repeat(4001)))
                        .toString(), 400, "comments"),
                bad("a body over 64 KiB", with(valid("1000001"), "name", text("x".repeat(70_000))).toString(), 413,
                        null));
    }

    /** A Business Applications claim, with or without its technical contact. */
    private static String businessApplications(boolean technicalContact) {
        var claim = with(with(with(with(valid("1000001"), "solutionArea", text("BUSINESS_APPLICATIONS")), "program",
                text("OSU_BUSINESS_APPLICATIONS")), "workloads", array("DYNAMICS_365_SALES")), "subscriptionId",
                text("8c6f7b1e-1d2a-4a34-9d1b-5b4f2b7f6e10"));
        return (technicalContact ? with(claim, "technicalContact", JSON.createObjectNode().put("name", "Rui Tech")
                .put("email", "rui@partner-one.example").put("phone", "+55 11 5555-0100")) : claim).toString();
    }

    @ParameterizedTest(name = "{0} is answered {2}")
    @MethodSource("badClaims")
    void refusesABadClaimNamingTheField(String what, String body, int status, String field) {
        JsonNode problem = problem(web.post().uri("/api/v1/claims")
                .headers(h -> h.setBearerAuth(token("demo-partner-1")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody());

        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        if (field != null) {
            assertThat(problem.get("errors")).as(problem.toString())
                    .anySatisfy(error -> assertThat(error.get("field").asText()).isEqualTo(field));
        }
    }

    @ParameterizedTest(name = "GET {0} is answered {1}")
    @MethodSource("badQueries")
    void refusesBadQueries(String path, int status, String field) {
        JsonNode problem = problem(web.get().uri(path).headers(h -> h.setBearerAuth(token("demo-partner-1")))
                .exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody());

        if (field != null) {
            assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(field);
        }
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("/api/v1/claims?limit=0", 400, "limit"),
                Arguments.of("/api/v1/claims?limit=ten", 400, "limit"),
                Arguments.of("/api/v1/claims?status=DONE", 400, "status"),
                Arguments.of("/api/v1/claims?tenantId=contoso", 400, "tenantId"),
                Arguments.of("/api/v1/claims?cursor=bm90LWEtY3Vyc29y", 400, "cursor"),
                Arguments.of("/api/v1/claims/not-a-uuid", 404, null),
                Arguments.of("/api/v1/claims/5d9c2f7e-3b1a-4c8e-9f6d-2a7b1c0e4d53", 404, null));
    }

    @ParameterizedTest(name = "a request {0} is refused")
    @MethodSource("badRequestShapes")
    void refusesBadRequestShapes(String what, String contentType, String idempotencyKey, int status) {
        web.post().uri("/api/v1/claims")
                .headers(h -> {
                    h.setBearerAuth(token("demo-partner-1"));
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .header("Content-Type", contentType)
                .bodyValue(valid("1000001").toString())
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    static Stream<Arguments> badRequestShapes() {
        return Stream.of(
                Arguments.of("in text/plain", "text/plain", null, 415),
                Arguments.of("with an Idempotency-Key of spaces", "application/json", "a b c", 400),
                Arguments.of("with an Idempotency-Key of 201 characters", "application/json", "k".repeat(201), 400));
    }

    private static Arguments bad(String what, String body, int status, String field) {
        return Arguments.of(what, body, status, field);
    }

    private static String withRaw(String json, String member) {
        return "{" + member + json.substring(1);
    }

    private static ArrayNode fiftyOne() {
        ArrayNode workloads = JSON.createArrayNode();
        for (int i = 0; i < 51; i++) {
            workloads.add("TEAMS");
        }
        return workloads;
    }

    private static JsonNode problem(byte[] body) {
        return JSON.readTree(body);
    }
}
