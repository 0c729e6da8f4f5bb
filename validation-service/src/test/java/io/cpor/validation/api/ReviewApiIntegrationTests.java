package io.cpor.validation.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpor.local.tenants.TenantDirectory;
import io.cpor.local.testing.ApiContract;
import io.cpor.local.testing.PublishedContract;
import io.cpor.schemas.Topics;
import io.cpor.validation.Claims;
import io.cpor.validation.PlatformBackedTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The review API: who may use it, its queue, and the answers to bad decisions. */
class ReviewApiIntegrationTests extends PlatformBackedTest {

    @Test
    void refusesPartnerTokensAndCallsWithoutAToken() {
        web.get().uri("/api/v1/reviews").headers(h -> h.setBearerAuth(token("demo-partner-1"))).exchange()
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/v1/reviews/{id}/decision", UUID.randomUUID())
                .headers(h -> h.setBearerAuth(token("demo-partner-2"))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"decision\":\"APPROVE\"}").exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/reviews").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesATokenWithTheReviewScopeForAnotherApplicationWith401() {
        // An application of the same issuer that exposes a scope named cpor.review: its tokens are for its own API.
        web.get().uri("/api/v1/reviews").headers(h -> h.setBearerAuth(token("demo-other-app"))).exchange()
                .expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/v1/reviews/{id}/decision", UUID.randomUUID())
                .headers(h -> h.setBearerAuth(token("demo-other-app"))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"decision\":\"APPROVE\"}").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void listsTheQueueOldestFirstPageByPage() {
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String domain = "queue-" + UUID.randomUUID().toString().substring(0, 8) + ".sandbox.test";
            UUID claimId = UUID.randomUUID();
            topics().send(Topics.CLAIMS_SUBMITTED, claimId.toString(), Claims.submitted(claimId,
                    Claims.modernWork("1000001", TenantDirectory.sandboxTenantId(domain), domain).build()));
            topics().read(Topics.CLAIMS_REVIEW, record -> claimId.toString().equals(record.key()), 1,
                    Duration.ZERO, Duration.ofSeconds(30));
            queued.add(claimId.toString());
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = Claims.JSON.readTree(web.get().uri("/api/v1/reviews?state=PENDING&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)).headers(h -> h.setBearerAuth(token(
                            "demo-validator"))).exchange().expectStatus().isOk().expectBody().returnResult()
                    .getResponseBody());
            page.get("items").forEach(item -> {
                seen.add(item.get("claimId").asText());
                assertThat(java.time.Instant.parse(item.get("dueAt").asText()))
                        .as("due 14 business days after it was queued")
                        .isAfter(java.time.Instant.parse(item.get("queuedAt").asText()).plus(Duration.ofDays(14)));
            });
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        }
        while (cursor != null);

        assertThat(seen.stream().filter(queued::contains)).containsExactlyElementsOf(queued);
    }

    @ParameterizedTest(name = "{0} is answered {2}")
    @MethodSource("badDecisions")
    void refusesABadDecision(String what, String body, int status, String field) {
        UUID claimId = UUID.randomUUID();
        var answer = web.post().uri("/api/v1/reviews/{id}/decision", claimId)
                .headers(h -> h.setBearerAuth(token("demo-validator")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        if (field != null) {
            answer.jsonPath("$.errors[0].field").isEqualTo(field);
        }
    }

    static Stream<Arguments> badDecisions() {
        return Stream.of(
                Arguments.of("an unknown decision", "{\"decision\":\"MAYBE\"}", 400, "decision"),
                Arguments.of("no decision", "{}", 400, "decision"),
                Arguments.of("a rejection without a reason", "{\"decision\":\"REJECT\"}", 400, "reason"),
                Arguments.of("a question without a message", "{\"decision\":\"REQUEST_INFORMATION\","
                        + "\"reasons\":[\"MISSING_PRODUCTS\"]}", 400, "message"),
                Arguments.of("a question without a coded reason", "{\"decision\":\"REQUEST_INFORMATION\","
                        + "\"message\":\"Which products?\"}", 400, "reasons"),
                Arguments.of("a question with an unknown reason", "{\"decision\":\"REQUEST_INFORMATION\","
                        + "\"message\":\"Which products?\",\"reasons\":[\"MISSING_PATIENCE\"]}", 400,
                        "reasons[0]"),
                Arguments.of("reasons for an approval", "{\"decision\":\"APPROVE\",\"reasons\":[\"MISSING_PRODUCTS\"]}",
                        400, "reasons"),
                Arguments.of("an unknown field", "{\"decision\":\"APPROVE\",\"note\":\"x\"}", 400, "note"),
                Arguments.of("malformed JSON", "{\"decision\":", 400, "(body)"),
                Arguments.of("a decision for an unknown claim", "{\"decision\":\"APPROVE\"}", 404, null));
    }

    @Test
    void refusesBadQueueQueries() {
        web.get().uri("/api/v1/reviews?state=LOST").headers(h -> h.setBearerAuth(token("demo-validator")))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                .isEqualTo("state");
        web.get().uri("/api/v1/reviews?limit=500").headers(h -> h.setBearerAuth(token("demo-validator")))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                .isEqualTo("limit");
    }

    @Test
    void servesItsOpenApiDescriptionWhichSaysWhatItAnswersAndIsTheOneCommitted() {
        String document = documents().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String decision = "$.paths['/api/v1/reviews/{claimId}/decision'].post";
        documents().get().uri("/v3/api-docs").exchange().expectBody()
                .jsonPath(decision + ".summary").isEqualTo("Decide on a claim")
                .jsonPath(decision + ".responses['409'].content['application/problem+json']").exists()
                .jsonPath(decision + ".responses['429'].headers['Retry-After']").exists()
                .jsonPath("$.components.schemas.DecisionRequest.required[0]").isEqualTo("decision")
                .jsonPath("$.components.schemas.DecisionRequest.properties.decision.enum[0]").isEqualTo("APPROVE")
                .jsonPath("$.components.schemas.Person.properties.title.type[1]").isEqualTo("null")
                .jsonPath("$.paths['/api/v1/reviews/{claimId}'].get.responses['200']").exists();
        assertThat(ApiContract.of(document).exampleViolations()).isEmpty();
        assertThat(PublishedContract.problems("reviews", document, PublishedContract.directory())).isEmpty();
    }

    /** springdoc builds the document on the first call: on a busy machine that takes longer than a call may. */
    private WebTestClient documents() {
        return web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
    }
}
