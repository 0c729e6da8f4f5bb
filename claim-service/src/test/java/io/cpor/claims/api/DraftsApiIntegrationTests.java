package io.cpor.claims.api;

import static io.cpor.claims.ClaimJson.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.cpor.claims.ClaimJson;
import io.cpor.claims.PlatformBackedTest;
import io.cpor.events.claims.ClaimSubmitted;
import io.cpor.schemas.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Drafts over the API: stored incomplete, edited by merge patch, submitted into review under their own id. */
class DraftsApiIntegrationTests extends PlatformBackedTest {

    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aDraftIsStoredIncompleteEditedAndSubmittedIntoReviewUnderItsId() {
        JsonNode draft = create(JSON.createObjectNode().put("name", "Contoso rollout, draft"));
        String id = draft.get("claimId").asText();
        ObjectNode complete = ClaimJson.valid("1000001");
        complete.remove("name");

        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.at("/claim/name").asText()).isEqualTo("Contoso rollout, draft");
        assertThat(draft.get("expiresAt").asText()).isNotBlank();
        JsonNode edited = patch(id, complete.toString()).expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(edited.at("/claim/name").asText()).as("kept").isEqualTo("Contoso rollout, draft");
        assertThat(edited.at("/claim/customer/contact/email").asText()).isEqualTo("ana.souza@contoso.com");
        assertThat(edited.get("updatedAt").asText()).isNotEqualTo(draft.get("updatedAt").asText());
        assertThat(topics().read(Topics.CLAIMS_SUBMITTED, record -> id.equals(record.key()), 0, QUIET, TIMEOUT))
                .as("a draft never leaves claim-service").isEmpty();

        web.post().uri("/api/v1/claims/{id}/submit", id).headers(h -> h.setBearerAuth(token("demo-partner-1")))
                .exchange().expectStatus().isAccepted()
                .expectHeader().valueEquals("Location", "/api/v1/claims/" + id)
                .expectBody().jsonPath("$.status").isEqualTo("SUBMITTED");

        List<ConsumerRecord<String, Object>> events = topics().read(Topics.CLAIMS_SUBMITTED,
                record -> id.equals(record.key()), 1, QUIET, TIMEOUT);
        assertThat(events).singleElement().satisfies(record -> assertThat(record.value())
                .isInstanceOfSatisfying(ClaimSubmitted.class, submitted -> assertThat(submitted.getClaim().getName())
                        .isEqualTo("Contoso rollout, draft")));
        web.get().uri("/api/v1/claims/{id}", id).headers(h -> h.setBearerAuth(token("demo-partner-1"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SUBMITTED");
        web.get().uri("/api/v1/claims/drafts/{id}", id).headers(h -> h.setBearerAuth(token("demo-partner-1")))
                .exchange().expectStatus().isNotFound();
        web.post().uri("/api/v1/claims/{id}/submit", id).headers(h -> h.setBearerAuth(token("demo-partner-1")))
                .exchange().expectStatus().isAccepted();
        patch(id, "{\"name\":\"late\"}").expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void submittingAnIncompleteDraftNamesEveryMissingField() {
        String id = create(JSON.createObjectNode().put("name", "Half done")).get("claimId").asText();

        web.post().uri("/api/v1/claims/{id}/submit", id).headers(h -> h.setBearerAuth(token("demo-partner-1")))
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'partnerId')]").exists()
                .jsonPath("$.errors[?(@.field == 'customer')]").exists()
                .jsonPath("$.errors[?(@.field == 'workloads')]").exists()
                .jsonPath("$.errors[?(@.field == 'program')]").exists();
        web.get().uri("/api/v1/claims/drafts/{id}", id).headers(h -> h.setBearerAuth(token("demo-partner-1")))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aDraftChecksTheFormatOfWhatIsThereAndTheTokensPartner() {
        post("{\"customer\":{\"tenantId\":\"not-a-guid\"},\"workloads\":[\"NO_SUCH_WORKLOAD\"]}", "demo-partner-1")
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'customer.tenantId')]").exists()
                .jsonPath("$.errors[?(@.field == 'workloads[0]')]").exists();
        post("{\"partnerId\":\"1000002\"}", "demo-partner-1").expectStatus().isForbidden();
        post("{\"name\":\"x\",\"colour\":\"blue\"}", "demo-partner-1").expectStatus().isBadRequest();
        String id = create(JSON.createObjectNode()).get("claimId").asText();
        patch(id, "{\"customer\":{\"domain\":\"not a domain\"}}").expectStatus().isBadRequest();
        patch(id, "[1,2]").expectStatus().isBadRequest();
    }

    @Test
    void anotherPartnersOrAViewersReachStopsAtTheDraft() {
        String id = create(JSON.createObjectNode().put("name", "Mine")).get("claimId").asText();

        web.get().uri("/api/v1/claims/drafts/{id}", id).headers(h -> h.setBearerAuth(token("demo-partner-2")))
                .exchange().expectStatus().isNotFound();
        web.patch().uri("/api/v1/claims/{id}", id).headers(h -> h.setBearerAuth(token("demo-partner-2")))
                .contentType(MediaType.parseMediaType("application/merge-patch+json")).bodyValue("{}")
                .exchange().expectStatus().isNotFound();
        web.post().uri("/api/v1/claims/{id}/submit", id).headers(h -> h.setBearerAuth(token("demo-partner-2")))
                .exchange().expectStatus().isNotFound();
        web.post().uri("/api/v1/claims/{id}/submit", id).headers(h -> h.setBearerAuth(token("demo-partner-1-viewer")))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/claims/drafts").headers(h -> h.setBearerAuth(token("demo-partner-1-viewer")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items[?(@.claimId == '" + id + "')]")
                .exists();
        web.delete().uri("/api/v1/claims/drafts/{id}", id).headers(h -> h.setBearerAuth(token("demo-partner-1")))
                .exchange().expectStatus().isNoContent();
        web.get().uri("/api/v1/claims/drafts/{id}", id).headers(h -> h.setBearerAuth(token("demo-partner-1")))
                .exchange().expectStatus().isNotFound();
    }

    private JsonNode create(ObjectNode body) {
        return post(body.toString(), "demo-partner-1").expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/claims/drafts/[0-9a-f-]{36}")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec post(String body, String client) {
        return web.post().uri("/api/v1/claims?draft=true").headers(h -> h.setBearerAuth(token(client)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec patch(String id, String body) {
        return web.patch().uri("/api/v1/claims/{id}", id).headers(h -> h.setBearerAuth(token("demo-partner-1")))
                .contentType(MediaType.parseMediaType("application/merge-patch+json")).bodyValue(body).exchange();
    }
}
