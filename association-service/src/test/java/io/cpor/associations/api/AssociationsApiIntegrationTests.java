package io.cpor.associations.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cpor.associations.Approvals;
import io.cpor.associations.AssociationServiceTest;
import io.cpor.events.associations.AssociationRequested;
import io.cpor.events.outcomes.ClaimApproved;
import io.cpor.local.testing.ApiContract;
import io.cpor.local.testing.PublishedContract;
import io.cpor.schemas.Topics;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** A partner's associations over the API: its own only, filtered and paged; bad queries named. */
class AssociationsApiIntegrationTests extends AssociationServiceTest {

    @Test
    void listsTheCallersOwnAssociationsNewestFirstByTenantAndState() {
        UUID tenant = UUID.randomUUID();
        AssociationRequested first = approve(Approvals.approved("1000001", tenant, "TEAMS"));
        AssociationRequested second = approve(Approvals.approved("1000001", tenant, "INTUNE", "TEAMS"));
        approve(Approvals.approved("1000002", UUID.randomUUID(), "TEAMS"));

        JsonNode page = list("demo-partner-1", "?tenantId=" + tenant);

        assertThat(page.path("items")).hasSize(2);
        JsonNode newest = page.path("items").get(0);
        assertThat(newest.path("requestId").asText()).isEqualTo(second.getRequestId().toString());
        assertThat(newest.path("state").asText()).isEqualTo("RESERVED");
        assertThat(newest.path("workloads").toString()).contains("{\"workload\":\"INTUNE\",\"outcome\":\"RESERVED\"}",
                "{\"workload\":\"TEAMS\",\"outcome\":\"ALREADY_ASSOCIATED\"}");
        assertThat(page.path("items").get(1).path("requestId").asText()).isEqualTo(first.getRequestId().toString());
        assertThat(list("demo-partner-2", "?tenantId=" + tenant).path("items")).isEmpty();
        assertThat(list("demo-partner-1", "?tenantId=" + tenant + "&state=active").path("items")).isEmpty();
        assertThat(list("demo-partner-1", "?tenantId=" + tenant + "&state=RESERVED").path("items")).hasSize(2);
    }

    @Test
    void pagesThroughWithTheCursor() {
        UUID tenant = UUID.randomUUID();
        for (String workload : List.of("TEAMS", "INTUNE", "PURVIEW")) {
            approve(Approvals.approved("1000001", tenant, workload));
        }

        JsonNode first = list("demo-partner-1", "?tenantId=" + tenant + "&limit=2");
        JsonNode second = list("demo-partner-1", "?tenantId=" + tenant + "&limit=2&cursor="
                + first.path("nextCursor").asText());

        assertThat(first.path("items")).hasSize(2);
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("nextCursor").isNull()).isTrue();
        assertThat(second.path("items").get(0).path("workloads").get(0).path("workload").asText()).isEqualTo("TEAMS");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "tenantId=not-a-guid | tenantId",
        "tenantId=1-2-3-4-5 | tenantId",
        "state=PENDING_FOREVER | state",
        "limit=0 | limit",
        "limit=ten | limit",
        "cursor=garbage | cursor"})
    void badQueryIsRefusedNamingTheParameter(String query, String field) {
        web.get().uri("/api/v1/associations?" + query).headers(h -> h.setBearerAuth(token("demo-partner-1")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    @Test
    void needsAPartnerToken() {
        web.get().uri("/api/v1/associations").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/associations").headers(h -> h.setBearerAuth(token("demo-validator"))).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/v1/associations").headers(h -> h.setBearerAuth(token("demo-other-app"))).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void findsSortsAndExportsTheCallersAssociations() {
        UUID tenant = UUID.randomUUID();
        ClaimApproved approved = Approvals.approved("1000001", tenant, "TEAMS");
        AssociationRequested hostile = approve(ClaimApproved.newBuilder(approved).setClaim(
                io.cpor.events.claims.Claim.newBuilder(approved.getClaim()).setName("=cmd|' /C calc'!A0").build())
                .build());
        AssociationRequested plain = approve(Approvals.approved("1000001", tenant, "INTUNE"));

        String partOfClaimId = plain.getMetadata().getClaimId().toString().substring(0, 18)
                .toUpperCase(java.util.Locale.ROOT);
        assertThat(list("demo-partner-1", "?q=" + partOfClaimId).path("items").get(0).path("requestId").asText())
                .isEqualTo(plain.getRequestId().toString());
        JsonNode byName = list("demo-partner-1", "?tenantId=" + tenant + "&sort=name,asc&limit=1");
        JsonNode next = list("demo-partner-1", "?tenantId=" + tenant + "&sort=name,asc&limit=1&cursor="
                + byName.path("nextCursor").asText());
        assertThat(byName.path("items").get(0).path("claimName").asText()).startsWith("=cmd");
        assertThat(next.path("items").get(0).path("claimName").asText()).isEqualTo("Teams rollout");
        String csv = web.get().uri("/api/v1/associations?tenantId=" + tenant)
                .headers(h -> {
                    h.setBearerAuth(token("demo-partner-1-viewer"));
                    h.setAccept(List.of(MediaType.parseMediaType("text/csv")));
                })
                .exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).returnResult().getResponseBody();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("requestId,claimId,claimName,tenantId,");
        assertThat(lines[2]).startsWith(hostile.getRequestId() + "," + hostile.getMetadata().getClaimId()
                + ",'=cmd|' /C calc'!A0,");
    }

    @Test
    void thePartnerEndsAnAssociationWhoseWorkloadsAnotherPartnerMayThenClaim() {
        UUID tenant = UUID.randomUUID();
        AssociationRequested requested = approve(Approvals.approved("1000001", tenant, "TEAMS"));
        String path = "/api/v1/associations/" + requested.getRequestId() + "/disassociate";

        disassociate("demo-partner-2", path, "{\"reason\":\"not mine\"}").expectStatus().isNotFound();
        disassociate("demo-partner-1-viewer", path, "{\"reason\":\"viewer\"}").expectStatus().isForbidden();
        disassociate("demo-partner-1", path, "{}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        disassociate("demo-partner-1", path, "{\"reason\":\"The customer moved to another partner\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("DISASSOCIATED");
        disassociate("demo-partner-1", path, "{\"reason\":\"again\"}").expectStatus().isOk();

        var ended = (io.cpor.events.associations.AssociationDisassociated) events(Topics.ASSOCIATIONS_EVENTS,
                requested.getMetadata().getClaimId(), event -> event instanceof
                        io.cpor.events.associations.AssociationDisassociated, 1).get(0).value();
        assertThat(ended.getReason()).isEqualTo("The customer moved to another partner");
        assertThat(ended.getWorkloads()).containsExactly("TEAMS");
        assertThat(ended.getCustomer().getContact().getEmail()).isEqualTo("ana@contoso.example");
        AssociationRequested newcomer = approve(Approvals.approved("1000002", tenant, "TEAMS"));
        assertThat(newcomer.getWorkloads()).as("the workload is free again").containsExactly("TEAMS");
    }

    @Test
    void anAssociationThatHoldsNothingCannotBeEnded() {
        UUID tenant = UUID.randomUUID();
        approve(Approvals.approved("1000002", tenant, "TEAMS"));
        ClaimApproved second = Approvals.approved("1000001", tenant, "TEAMS");
        topics().send(Topics.CLAIMS_OUTCOMES, second.getMetadata().getClaimId().toString(), second);
        JsonNode conflicted = await().atMost(TIMEOUT).until(() -> list("demo-partner-1", "?tenantId=" + tenant),
                page -> page.path("items").size() == 1);

        disassociate("demo-partner-1", "/api/v1/associations/" + conflicted.path("items").get(0).path("requestId")
                .asText() + "/disassociate", "{\"reason\":\"nothing\"}").expectStatus().isEqualTo(409);
    }

    private WebTestClient.ResponseSpec disassociate(String client, String path, String body) {
        return web.post().uri(path).headers(h -> h.setBearerAuth(token(client)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void letsAReadOnlyTokenListItsPartnersAssociations() {
        UUID tenant = UUID.randomUUID();
        approve(Approvals.approved("1000001", tenant, "TEAMS"));

        assertThat(list("demo-partner-1-viewer", "?tenantId=" + tenant).path("items")).hasSize(1);
    }

    private JsonNode list(String client, String query) {
        return web.get().uri("/api/v1/associations" + query).headers(h -> h.setBearerAuth(token(client)))
                .exchange().expectStatus().isOk().returnResult(JsonNode.class).getResponseBody().blockFirst();
    }

    @Test
    void servesItsOpenApiDescriptionWhichSaysWhatItAnswersAndIsTheOneCommitted() {
        String document = documents().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        documents().get().uri("/v3/api-docs").exchange().expectBody()
                .jsonPath("$.paths['/api/v1/associations'].get.responses['401']").exists()
                .jsonPath("$.paths['/api/v1/associations'].get.parameters[?(@.name == 'tenantId')].schema.format")
                .isEqualTo("uuid")
                .jsonPath("$.components.schemas.AssociationView.properties.state.enum[0]").isEqualTo("RESERVED")
                .jsonPath("$.components.schemas.AssociationView.properties.activatedAt.type[1]").isEqualTo("null")
                .jsonPath("$.paths['/decline/{token}']").doesNotExist();
        assertThat(ApiContract.of(document).exampleViolations()).isEmpty();
        assertThat(PublishedContract.problems("associations", document, PublishedContract.directory())).isEmpty();
    }

    /** springdoc builds the document on the first call: on a busy machine that takes longer than a call may. */
    private WebTestClient documents() {
        return web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
    }
}
