package io.cpor.claims.api;

import static io.cpor.claims.ClaimJson.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.cpor.claims.ClaimJson;
import io.cpor.claims.PlatformBackedTest;
import io.cpor.events.EventMetadata;
import io.cpor.events.claims.Claim;
import io.cpor.events.claims.ClaimAmended;
import io.cpor.events.claims.ClaimDisputed;
import io.cpor.events.claims.ClaimInformationProvided;
import io.cpor.events.claims.ClaimSubmitted;
import io.cpor.events.claims.ClaimWithdrawn;
import io.cpor.events.outcomes.ClaimRejected;
import io.cpor.events.outcomes.InformationRequested;
import io.cpor.events.outcomes.RejectionReason;
import io.cpor.local.testing.ApiContract;
import io.cpor.local.testing.PublishedContract;
import io.cpor.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ClaimsApiIntegrationTests extends PlatformBackedTest {

    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void publishesClaimSubmittedWithEveryFieldOfTheRequest() {
        ObjectNode request = ClaimJson.valid("1000001").put("comments", "Usage report attached")
                .put("incentiveOptOut", true);

        String claimId = submit("demo-partner-1", request, null).get("claimId").asText();

        ConsumerRecord<String, Object> record = onlyEvent(claimId);
        assertThat(record.headers().lastHeader("traceparent")).as("W3C trace context in the headers").isNotNull();
        ClaimSubmitted event = (ClaimSubmitted) record.value();
        Claim claim = event.getClaim();
        assertThat(event.getMetadata().getClaimId()).hasToString(claimId);
        assertThat(event.getMetadata().getEventId()).isNotNull();
        assertThat(event.getMetadata().getCausationId()).isNotNull();
        assertThat(claim.getPartnerId()).isEqualTo("1000001");
        assertThat(claim.getName()).isEqualTo("Contoso Teams rollout");
        assertThat(claim.getCustomer().getTenantId()).hasToString("2f6b1c3e-8d4a-4b7e-9a51-6c0d3e2f1a01");
        assertThat(claim.getCustomer().getDomain()).isEqualTo("contoso.onmicrosoft.com");
        assertThat(claim.getCustomer().getLocale()).isEqualTo("pt-BR");
        assertThat(claim.getCustomer().getContact().getName()).isEqualTo("Ana Souza");
        assertThat(claim.getCustomer().getContact().getTitle()).isEqualTo("CIO");
        assertThat(claim.getCustomer().getContact().getEmail()).isEqualTo("ana.souza@contoso.com");
        assertThat(claim.getPartnerContact().getName()).isEqualTo("Sam Partner");
        assertThat(claim.getPartnerContact().getEmail()).isEqualTo("sam@partner-one.example");
        assertThat(claim.getSolutionArea()).isEqualTo("MODERN_WORK_SECURITY");
        assertThat(claim.getProgram()).isEqualTo("OSU_M365");
        assertThat(claim.getPartnerRole()).isEqualTo("USE_OR_CONSUME");
        assertThat(claim.getWorkloads()).containsExactly("TEAMS", "EXCHANGE_ONLINE");
        assertThat(claim.getSubscriptionId()).isNull();
        assertThat(claim.getProofOfExecution().getFileName()).isEqualTo("proof-of-execution.pdf");
        assertThat(claim.getProofOfExecution().getMediaType()).isEqualTo("application/pdf");
        assertThat(claim.getProofOfExecution().getSizeBytes()).isEqualTo(48_213L);
        assertThat(claim.getProofOfExecution().getSha256())
                .isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        assertThat(claim.getProofOfExecution().getUri()).isEqualTo("https://files.partner-one.example/poe.pdf");
        assertThat(claim.getComments()).isEqualTo("Usage report attached");
        assertThat(claim.getProgramTermsAccepted()).isTrue();
        assertThat(claim.getIncentiveOptOut()).isTrue();
        assertThat(claim.getTechnicalContact()).isNull();
        assertThat(read(claimId).get("timeline").get(1).get("detail").asText())
                .isEqualTo("Partner comment: Usage report attached");
    }

    @Test
    void refusesATokenForAnotherApplicationOfTheSameIssuerWith401() {
        String otherAudience = token("demo-other-app");

        web.post().uri("/api/v1/claims").headers(h -> h.setBearerAuth(otherAudience))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(ClaimJson.valid("1000001").toString())
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/v1/claims").headers(h -> h.setBearerAuth(otherAudience)).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void answersAReplayWithTheSameIdempotencyKeyWithTheFirstAnswerAndStoresOneClaim() {
        String key = UUID.randomUUID().toString();
        ObjectNode request = ClaimJson.valid("1000001");

        JsonNode first = submit("demo-partner-1", request, key);
        JsonNode replay = submit("demo-partner-1", request, key);

        assertThat(replay).isEqualTo(first);
        assertThat(onlyEvent(first.get("claimId").asText()).value()).isInstanceOf(ClaimSubmitted.class);
    }

    @Test
    void refusesAnIdempotencyKeyReusedWithAnotherBody() {
        String key = UUID.randomUUID().toString();
        submit("demo-partner-1", ClaimJson.valid("1000001"), key);

        post("demo-partner-1", ClaimJson.with(ClaimJson.valid("1000001"), "name", ClaimJson.text("Other")), key)
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/idempotency-key-reused");
    }

    @Test
    void scopesIdempotencyKeysToThePartner() {
        String key = UUID.randomUUID().toString();
        String one = submit("demo-partner-1", ClaimJson.valid("1000001"), key).get("claimId").asText();
        String two = submit("demo-partner-2", ClaimJson.valid("1000002"), key).get("claimId").asText();

        assertThat(two).isNotEqualTo(one);
    }

    @Test
    void hidesAPartnersClaimFromAnotherPartnerOnEveryEndpoint() {
        String claimId = submit("demo-partner-1", ClaimJson.valid("1000001"), null).get("claimId").asText();

        web.get().uri("/api/v1/claims/{id}", claimId).headers(h -> h.setBearerAuth(token("demo-partner-2")))
                .exchange().expectStatus().isNotFound();
        web.post().uri("/api/v1/claims/{id}/information", claimId)
                .headers(h -> h.setBearerAuth(token("demo-partner-2"))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"message\":\"here\"}").exchange().expectStatus().isNotFound();
        web.post().uri("/api/v1/claims/{id}/withdraw", claimId)
                .headers(h -> h.setBearerAuth(token("demo-partner-2"))).exchange().expectStatus().isNotFound();
        web.post().uri("/api/v1/claims/{id}/dispute", claimId)
                .headers(h -> h.setBearerAuth(token("demo-partner-2"))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"justification\":\"mine\"}").exchange().expectStatus().isNotFound();
        web.patch().uri("/api/v1/claims/{id}", claimId)
                .headers(h -> h.setBearerAuth(token("demo-partner-2")))
                .contentType(MediaType.parseMediaType("application/merge-patch+json"))
                .bodyValue("{\"comment\":\"mine\"}").exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/claims?limit=100").headers(h -> h.setBearerAuth(token("demo-partner-2")))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.claimId == '" + claimId + "')]").doesNotExist();
        web.get().uri("/api/v1/claims/{id}", claimId).headers(h -> h.setBearerAuth(token("demo-partner-1")))
                .exchange().expectStatus().isOk();
    }

    @Test
    void forbidsSubmittingForAnotherPartnerId() {
        post("demo-partner-2", ClaimJson.valid("1000001"), null)
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/partner-mismatch");
    }

    @Test
    void refusesCallsWithoutATokenOrWithTheWrongScope() {
        web.get().uri("/api/v1/claims").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/v1/claims").headers(h -> h.setBearerAuth("not.a.token")).exchange()
                .expectStatus().isUnauthorized();
        web.get().uri("/api/v1/claims").headers(h -> h.setBearerAuth(token("demo-validator"))).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void letsAReadOnlyTokenReadTheClaimsOfItsPartnerAndChangeNothing() {
        String claimId = submit("demo-partner-1", ClaimJson.valid("1000001"), null).get("claimId").asText();
        String viewer = token("demo-partner-1-viewer");

        web.get().uri("/api/v1/claims/{id}", claimId).headers(h -> h.setBearerAuth(viewer)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.claimId").isEqualTo(claimId);
        web.get().uri("/api/v1/claims").headers(h -> h.setBearerAuth(viewer)).exchange().expectStatus().isOk();
        web.post().uri("/api/v1/claims").headers(h -> h.setBearerAuth(viewer))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(ClaimJson.valid("1000001").toString())
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/v1/claims/{id}/withdraw", claimId).headers(h -> h.setBearerAuth(viewer)).exchange()
                .expectStatus().isForbidden();
        web.post().uri("/api/v1/claims/{id}/information", claimId).headers(h -> h.setBearerAuth(viewer))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"message\":\"x\"}").exchange()
                .expectStatus().isForbidden();
        web.post().uri("/api/v1/claims/{id}/dispute", claimId).headers(h -> h.setBearerAuth(viewer))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"justification\":\"x\"}").exchange()
                .expectStatus().isForbidden();
        web.patch().uri("/api/v1/claims/{id}", claimId).headers(h -> h.setBearerAuth(viewer))
                .contentType(MediaType.parseMediaType("application/merge-patch+json"))
                .bodyValue("{\"comment\":\"x\"}").exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/claims/{id}", claimId).headers(h -> h.setBearerAuth(token("demo-partner-1")))
                .exchange().expectBody().jsonPath("$.status").isEqualTo("SUBMITTED");
    }

    @Test
    void listsTheCallersClaimsNewestFirstPageByPage() {
        UUID tenant = UUID.randomUUID();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(0, submit("demo-partner-1", ClaimJson.valid("1000001", tenant, "acme.sandbox.test"), null)
                    .get("claimId").asText());
        }

        JsonNode first = list("tenantId=" + tenant + "&limit=2");
        JsonNode second = list("tenantId=" + tenant + "&limit=2&cursor=" + first.get("nextCursor").asText());

        assertThat(first.get("items")).extracting(item -> item.get("claimId").asText())
                .containsExactly(ids.get(0), ids.get(1));
        assertThat(second.get("items")).extracting(item -> item.get("claimId").asText()).containsExactly(ids.get(2));
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(list("tenantId=" + tenant + "&status=WITHDRAWN").get("items")).isEmpty();
    }

    @Test
    void findsClaimsByPartOfTheirNameTenantDomainOrIdInAnyCase() {
        UUID tenant = UUID.randomUUID();
        String fabrikam = submit("demo-partner-1", ClaimJson.with(ClaimJson.valid("1000001", tenant,
                "fabrikam.sandbox.test"), "name", ClaimJson.text("Fabrikam Intune (phase 2)")), null)
                .get("claimId").asText();
        String other = submit("demo-partner-1", ClaimJson.valid("1000001", tenant, "acme.sandbox.test"), null)
                .get("claimId").asText();

        assertThat(ids(list("tenantId=" + tenant + "&q=INTUNE (PHASE"))).containsExactly(fabrikam);
        assertThat(ids(list("tenantId=" + tenant + "&q=FABRIKAM.sandbox"))).containsExactly(fabrikam);
        assertThat(ids(list("q=" + other.substring(0, 13).toUpperCase(java.util.Locale.ROOT)))).contains(other);
        assertThat(ids(list("q=" + tenant.toString().toUpperCase(java.util.Locale.ROOT)))).hasSize(2);
        assertThat(ids(list("tenantId=" + tenant + "&q=.*"))).as("taken literally, not as a pattern").isEmpty();
    }

    @Test
    void sortsByNameOrStatusAndPagesWithinTheSort() {
        UUID tenant = UUID.randomUUID();
        List<String> names = List.of("Bravo", "Alpha", "Charlie");
        for (String name : names) {
            submit("demo-partner-1", ClaimJson.with(ClaimJson.valid("1000001", tenant, "acme.sandbox.test"), "name",
                    ClaimJson.text(name)), null);
        }

        JsonNode first = list("tenantId=" + tenant + "&sort=name,asc&limit=2");
        JsonNode second = list("tenantId=" + tenant + "&sort=name,asc&limit=2&cursor="
                + first.get("nextCursor").asText());

        assertThat(first.get("items")).extracting(item -> item.get("name").asText()).containsExactly("Alpha", "Bravo");
        assertThat(second.get("items")).extracting(item -> item.get("name").asText()).containsExactly("Charlie");
        assertThat(list("tenantId=" + tenant + "&sort=name").get("items"))
                .extracting(item -> item.get("name").asText()).containsExactly("Charlie", "Bravo", "Alpha");
        assertThat(list("tenantId=" + tenant + "&sort=status,asc").get("items")).hasSize(3);
        web.get().uri("/api/v1/claims?sort=submittedAt&cursor=" + first.get("nextCursor").asText())
                .headers(h -> h.setBearerAuth(token("demo-partner-1"))).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
        web.get().uri("/api/v1/claims?sort=price,asc").headers(h -> h.setBearerAuth(token("demo-partner-1")))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("sort");
    }

    @Test
    void exportsEveryMatchingClaimAsCsvWithFormulasNeutralised() {
        UUID tenant = UUID.randomUUID();
        for (int i = 0; i < 101; i++) {
            submit("demo-partner-1", ClaimJson.valid("1000001", tenant, "acme.sandbox.test"), null);
        }
        String hostile = submit("demo-partner-1", ClaimJson.with(ClaimJson.valid("1000001", tenant,
                "acme.sandbox.test"), "name", ClaimJson.text("=HYPERLINK(\"https://evil.example\",\"a, b\")")), null)
                .get("claimId").asText();

        String csv = web.get().uri("/api/v1/claims?tenantId=" + tenant)
                .headers(h -> {
                    h.setBearerAuth(token("demo-partner-1-viewer"));
                    h.setAccept(List.of(MediaType.parseMediaType("text/csv")));
                })
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).returnResult().getResponseBody();

        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(csv).endsWith("\r\n");
        assertThat(lines).as("a header and every claim, beyond the page limit").hasSize(103);
        assertThat(lines.get(0)).startsWith("claimId,name,status,submittedAt,");
        assertThat(lines.get(1))
                .startsWith(hostile + ",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"a, b\"\")\",SUBMITTED,");
        assertThat(lines).filteredOn(line -> line.contains(",SUBMITTED,")).hasSize(102);
        web.get().uri("/api/v1/claims?tenantId=" + tenant).headers(h -> h.setBearerAuth(token("demo-partner-1")))
                .exchange().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("claimId").asText()));
        return ids;
    }

    @Test
    void withdrawsAClaimAndPublishesClaimWithdrawn() {
        String claimId = submit("demo-partner-1", ClaimJson.valid("1000001"), null).get("claimId").asText();

        web.post().uri("/api/v1/claims/{id}/withdraw", claimId)
                .headers(h -> h.setBearerAuth(token("demo-partner-1")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"Wrong tenant\"}")
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("WITHDRAWN")
                .jsonPath("$.workloads[0].state").isEqualTo("WITHDRAWN");
        web.post().uri("/api/v1/claims/{id}/withdraw", claimId)
                .headers(h -> h.setBearerAuth(token("demo-partner-1"))).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);

        List<ConsumerRecord<String, Object>> events = events(claimId, 2);
        assertThat(events.get(1).value()).isInstanceOfSatisfying(ClaimWithdrawn.class, withdrawn -> {
            assertThat(withdrawn.getReason()).isEqualTo("Wrong tenant");
            assertThat(withdrawn.getTenantId()).hasToString("2f6b1c3e-8d4a-4b7e-9a51-6c0d3e2f1a01");
        });
    }

    @Test
    void takesAnAnswerOnlyWhileInformationIsRequested() {
        String claimId = submit("demo-partner-1", ClaimJson.valid("1000001"), null).get("claimId").asText();
        String answer = "{\"message\":\"The signed SOW is attached.\",\"documents\":[{\"fileName\":\"sow.pdf\","
                + "\"mediaType\":\"application/pdf\",\"sizeBytes\":1200,\"sha256\":\"" + "ab".repeat(32) + "\","
                + "\"uri\":\"https://files.partner-one.example/sow.pdf\"}]}";
        answer(claimId, answer).expectStatus().isEqualTo(HttpStatus.CONFLICT);

        UUID question = UUID.randomUUID();
        topics().send(Topics.CLAIMS_OUTCOMES, claimId, InformationRequested.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(question).setClaimId(UUID.fromString(claimId))
                        .setCausationId(UUID.randomUUID()).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                        .build())
                .setClaim(((ClaimSubmitted) onlyEvent(claimId).value()).getClaim())
                .setMessage("Please attach the signed statement of work")
                .setRequestedBy("validator@microsoft.example")
                .setAnswerBy(Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MILLIS))
                .build());
        org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> "INFORMATION_REQUESTED".equals(
                read(claimId).get("status").asText()));

        answer(claimId, answer).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("IN_REVIEW");

        ClaimInformationProvided provided = (ClaimInformationProvided) events(claimId, 2).get(1).value();
        assertThat(provided.getInResponseTo()).isEqualTo(question);
        assertThat(provided.getMessage()).isEqualTo("The signed SOW is attached.");
        assertThat(provided.getDocuments()).singleElement()
                .satisfies(document -> assertThat(document.getUri()).endsWith("/sow.pdf"));
    }

    @Test
    void takesChangesOnlyWhileAQuestionIsOpenAndPublishesEachInWords() {
        String claimId = submit("demo-partner-1", ClaimJson.valid("1000001"), null).get("claimId").asText();
        String patch = "{\"partnerContact\":{\"name\":\"Lee Partner\",\"email\":\"lee@partner-one.example\"},"
                + "\"workloads\":[\"TEAMS\",\"INTUNE\"],\"comment\":\"Intune was deployed in the same project\"}";
        edit(claimId, patch).expectStatus().isEqualTo(HttpStatus.CONFLICT);

        ask(claimId);
        edit(claimId, "{\"name\":\"Renamed\",\"customer\":{\"domain\":\"fabrikam.com\"}}")
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .contains("name", "customer.domain"));
        edit(claimId, "{\"workloads\":[\"DYNAMICS_365_SALES\"]}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("workloads[0]")
                .jsonPath("$.errors[0].message").value(message -> assertThat(message.toString())
                        .contains("keeps its solution area"));
        edit(claimId, patch).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("INFORMATION_REQUESTED")
                .jsonPath("$.partnerContact.name").isEqualTo("Lee Partner")
                .jsonPath("$.workloads[1].workload").isEqualTo("INTUNE")
                .jsonPath("$.timeline[-1].event").isEqualTo("COMMENT");

        ClaimAmended amended = (ClaimAmended) events(claimId, 2).get(1).value();
        assertThat(amended.getClaim().getWorkloads()).containsExactly("TEAMS", "INTUNE");
        assertThat(amended.getChanges()).extracting(change -> change.getField() + ": " + change.getBefore() + " -> "
                + change.getAfter()).containsExactly(
                        "partnerContact: Sam Partner <sam@partner-one.example> -> Lee Partner <lee@partner-one.example>",
                        "workloads: TEAMS, EXCHANGE_ONLINE -> TEAMS, INTUNE",
                        "comment: null -> Intune was deployed in the same project");
    }

    @Test
    void disputesARejectionOnceAndSaysWhyASecondIsRefused() {
        String claimId = submit("demo-partner-1", ClaimJson.valid("1000001"), null).get("claimId").asText();
        String body = "{\"justification\":\"The domain belongs to the tenant since March.\"}";
        dispute(claimId, body).expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody()
                .jsonPath("$.type").value(type -> assertThat(type.toString()).endsWith("/claim-state-conflict"));

        topics().send(Topics.CLAIMS_OUTCOMES, claimId, ClaimRejected.newBuilder()
                .setMetadata(metadata(claimId))
                .setClaim(((ClaimSubmitted) onlyEvent(claimId).value()).getClaim())
                .setReasons(List.of(RejectionReason.newBuilder().setCode("TENANT_DOMAIN_MISMATCH")
                        .setMessage("The domain is not the tenant's").build()))
                .build());
        org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> "REJECTED".equals(
                read(claimId).get("status").asText()));
        assertThat(read(claimId).get("disputableUntil").asText()).isNotEmpty();

        dispute(claimId, "{\"justification\":\"\"}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("justification");
        dispute(claimId, body).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("DISPUTED")
                .jsonPath("$.dispute.justification").isEqualTo("The domain belongs to the tenant since March.")
                .jsonPath("$.disputableUntil").doesNotExist();
        dispute(claimId, body).expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody()
                .jsonPath("$.type").value(type -> assertThat(type.toString()).endsWith("/dispute-already-raised"));

        ClaimDisputed disputed = (ClaimDisputed) events(claimId, 2).get(1).value();
        assertThat(disputed.getJustification()).isEqualTo("The domain belongs to the tenant since March.");
    }

    private void ask(String claimId) {
        topics().send(Topics.CLAIMS_OUTCOMES, claimId, InformationRequested.newBuilder()
                .setMetadata(metadata(claimId))
                .setClaim(((ClaimSubmitted) onlyEvent(claimId).value()).getClaim())
                .setMessage("Which workloads did you deploy?")
                .setRequestedBy("validator@microsoft.example")
                .setAnswerBy(Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MILLIS))
                .build());
        org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> "INFORMATION_REQUESTED".equals(
                read(claimId).get("status").asText()));
    }

    private static EventMetadata metadata(String claimId) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setClaimId(UUID.fromString(claimId))
                .setCausationId(UUID.randomUUID()).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    private WebTestClient.ResponseSpec edit(String claimId, String patch) {
        return web.patch().uri("/api/v1/claims/{id}", claimId)
                .headers(h -> h.setBearerAuth(token("demo-partner-1")))
                .contentType(MediaType.parseMediaType("application/merge-patch+json")).bodyValue(patch).exchange();
    }

    private WebTestClient.ResponseSpec dispute(String claimId, String body) {
        return web.post().uri("/api/v1/claims/{id}/dispute", claimId)
                .headers(h -> h.setBearerAuth(token("demo-partner-1")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void servesItsOpenApiDescriptionWithExamplesAndABrowsableUi() {
        documents().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/claims'].post.summary").isEqualTo("Submit a claim")
                .jsonPath("$.paths['/api/v1/claims/{claimId}/withdraw'].post").exists()
                .jsonPath("$.paths['/api/v1/claims'].post.requestBody.content['application/json'].examples")
                .exists()
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer");
        web.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    @Test
    void itsDocumentSaysWhatItTakesAndAnswersAndIsTheOneCommitted() {
        String document = documents().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String claims = "$.paths['/api/v1/claims']";
        String claim = "$.components.schemas.ClaimRequest";
        documents().get().uri("/v3/api-docs").exchange().expectBody()
                .jsonPath(claim + ".required").value(required -> assertThat((List<Object>) required)
                        .contains("partnerId", "customer", "workloads").doesNotContain("subscriptionId",
                                "proofOfExecution"))
                .jsonPath(claim + ".properties.proofOfExecution.anyOf[1].type").isEqualTo("null")
                .jsonPath(claim + ".properties.program.enum").value(codes -> assertThat((List<Object>) codes)
                        .contains("OSU_M365", "OSA_SELL"))
                .jsonPath("$.components.schemas.ClaimView.properties.subscriptionId.type")
                .value(type -> assertThat((List<Object>) type).containsExactlyInAnyOrder("string", "null"))
                .jsonPath("$.components.schemas.ClaimView.required").value(required -> assertThat((List<Object>) required)
                        .contains("subscriptionId", "declineBy"))
                .jsonPath(claims + ".post.responses['429'].headers['Retry-After']").exists()
                .jsonPath(claims + ".post.responses['401'].content['application/problem+json'].schema['$ref']")
                .isEqualTo("#/components/schemas/Problem")
                .jsonPath("$.paths['/api/v1/claims/{claimId}/withdraw'].post.responses['404']").exists()
                .jsonPath("$.paths['/api/v1/claims/{claimId}'].get.parameters[0].schema.format").isEqualTo("uuid")
                .jsonPath(claims + ".get.parameters[?(@.name == 'status')].schema.enum[0]").isEqualTo("SUBMITTED")
                .jsonPath(claims + ".get.security[0].bearer").exists()
                .jsonPath("$.info.license.identifier").isEqualTo("Apache-2.0")
                .jsonPath("$.paths['/api/v1/claims/{claimId}'].patch.responses['200'].content['application/json']"
                        + ".schema.discriminator.mapping").value(mapping -> assertThat(((java.util.Map<String, Object>) mapping)
                        .keySet()).as("a generated client tells a draft from every status of a claim")
                        .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(java.util.stream.Stream
                                .of("DRAFT"), java.util.Arrays.stream(io.cpor.claims.domain.ClaimStatus.values())
                                .map(Enum::name)).toList()));
        assertThat(ApiContract.of(document).exampleViolations()).isEmpty();
        assertThat(PublishedContract.problems("claims", document, PublishedContract.directory())).isEmpty();
    }

    private WebTestClient.ResponseSpec answer(String claimId, String body) {
        return web.post().uri("/api/v1/claims/{id}/information", claimId)
                .headers(h -> h.setBearerAuth(token("demo-partner-1")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private JsonNode submit(String client, ObjectNode body, String idempotencyKey) {
        byte[] answer = post(client, body, idempotencyKey)
                .expectStatus().isAccepted()
                .expectHeader().valueMatches("Location", "/api/v1/claims/[0-9a-f-]{36}")
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(answer);
    }

    private WebTestClient.ResponseSpec post(String client, ObjectNode body, String idempotencyKey) {
        return web.post().uri("/api/v1/claims")
                .headers(h -> {
                    h.setBearerAuth(token(client));
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.toString())
                .exchange();
    }

    private JsonNode read(String claimId) {
        return JSON.readTree(web.get().uri("/api/v1/claims/{id}", claimId)
                .headers(h -> h.setBearerAuth(token("demo-partner-1"))).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private JsonNode list(String query) {
        return JSON.readTree(web.get().uri("/api/v1/claims?" + query)
                .headers(h -> h.setBearerAuth(token("demo-partner-1"))).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private static ConsumerRecord<String, Object> onlyEvent(String claimId) {
        List<ConsumerRecord<String, Object>> events = events(claimId, 1);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static List<ConsumerRecord<String, Object>> events(String claimId, int expected) {
        return topics().read(Topics.CLAIMS_SUBMITTED, record -> claimId.equals(record.key()), expected, QUIET,
                TIMEOUT);
    }

    /** springdoc builds the document on the first call: on a busy machine that takes longer than a call may. */
    private WebTestClient documents() {
        return web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
    }
}
