package io.cpor.validation.messaging;

import static io.cpor.validation.Claims.CONTOSO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cpor.events.claims.Claim;
import io.cpor.events.outcomes.ClaimApproved;
import io.cpor.events.outcomes.ClaimRejected;
import io.cpor.events.outcomes.InformationRequested;
import io.cpor.events.outcomes.RejectionReason;
import io.cpor.events.review.CheckResult;
import io.cpor.events.review.ReviewDecided;
import io.cpor.events.review.ReviewDecision;
import io.cpor.events.review.ReviewRequested;
import io.cpor.local.subscriptions.SubscriptionDirectory;
import io.cpor.local.tenants.TenantDirectory;
import io.cpor.schemas.Topics;
import io.cpor.validation.Claims;
import io.cpor.validation.PlatformBackedTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Claims through the checks, the review topic and decisions, against the real platform. */
class ValidationIntegrationTests extends PlatformBackedTest {

    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void putsAClaimPassingEveryCheckOnTheReviewTopic() {
        UUID claimId = submit(Claims.modernWork("1000001", CONTOSO, "contoso.onmicrosoft.com")
                .setWorkloads(List.of("SHAREPOINT_ONLINE")).build());

        ReviewRequested review = (ReviewRequested) only(Topics.CLAIMS_REVIEW, claimId).value();

        assertThat(review.getReviewRound()).isEqualTo(1);
        assertThat(review.getClaim().getCustomer().getDomain()).isEqualTo("contoso.onmicrosoft.com");
        assertThat(review.getChecks()).extracting(CheckResult::getCode).containsExactlyInAnyOrder(
                "TENANT_DOMAIN_MISMATCH", "CUSTOMER_CONTACT_OUTSIDE_TENANT", "PARTNER_NOT_ENROLLED",
                "WORKLOAD_NOT_IN_SOLUTION_AREA", "PROGRAM_NOT_IN_SOLUTION_AREA",
                "ROLE_NOT_ALLOWED_FOR_PROGRAM", "SUBSCRIPTION_REQUIRED", "PROOF_OF_EXECUTION_INVALID",
                "DUPLICATE_CLAIM");
        assertThat(review.getChecks()).allMatch(CheckResult::getPassed);
    }

    @Test
    void rejectsAClaimWithEveryFailedCheckInOneRejection() {
        UUID tenant = UUID.randomUUID();
        UUID claimId = submit(Claims.modernWork("1000001", tenant, "fabrikam.onmicrosoft.com")
                .setSolutionArea("BUSINESS_APPLICATIONS").setProgram("OSU_BUSINESS_APPLICATIONS")
                .setPartnerRole("USE_OR_CONSUME").setWorkloads(List.of("TEAMS"))
                .setProofOfExecution(null).build());

        ClaimRejected rejected = (ClaimRejected) only(Topics.CLAIMS_OUTCOMES, claimId).value();

        assertThat(rejected.getRejectedBy()).isNull();
        assertThat(rejected.getReasons()).extracting(RejectionReason::getCode).containsExactlyInAnyOrder(
                "TENANT_DOMAIN_MISMATCH", "CUSTOMER_CONTACT_OUTSIDE_TENANT", "WORKLOAD_NOT_IN_SOLUTION_AREA",
                "ROLE_NOT_ALLOWED_FOR_PROGRAM",
                "SUBSCRIPTION_REQUIRED", "PROOF_OF_EXECUTION_INVALID");
        assertThat(rejected.getReasons()).allMatch(reason -> !reason.getMessage().isBlank());
    }

    @Test
    void rejectsAnUnknownDomain() {
        UUID claimId = submit(Claims.modernWork("1000001", UUID.randomUUID(), "nosuch.example").build());

        ClaimRejected rejected = (ClaimRejected) only(Topics.CLAIMS_OUTCOMES, claimId).value();

        assertThat(rejected.getReasons()).extracting(RejectionReason::getCode)
                .containsExactlyInAnyOrder("TENANT_DOMAIN_MISMATCH", "CUSTOMER_CONTACT_OUTSIDE_TENANT");
        assertThat(rejected.getReasons()).filteredOn(reason -> reason.getCode().equals("TENANT_DOMAIN_MISMATCH"))
                .singleElement().satisfies(reason -> assertThat(reason.getMessage()).contains("not registered"));
    }

    @Test
    void rejectsACustomerContactOutsideTheClaimedTenantSoNoMailReachesAnyoneElse() {
        UUID claimId = submit(Claims.modernWork("1000001", CONTOSO, "contoso.onmicrosoft.com",
                "pat@partner-one.example").setWorkloads(List.of("ONEDRIVE")).build());

        ClaimRejected rejected = (ClaimRejected) only(Topics.CLAIMS_OUTCOMES, claimId).value();

        assertThat(rejected.getReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.getCode()).isEqualTo("CUSTOMER_CONTACT_OUTSIDE_TENANT");
            assertThat(reason.getMessage()).contains("partner-one.example", CONTOSO.toString());
        });
    }

    @Test
    void acceptsACustomerContactAtAnotherVerifiedDomainOfTheTenant() {
        UUID claimId = submit(Claims.modernWork("1000001", CONTOSO, "contoso.onmicrosoft.com",
                "ana.souza@contoso.com").setWorkloads(List.of("PURVIEW")).build());

        ReviewRequested review = (ReviewRequested) only(Topics.CLAIMS_REVIEW, claimId).value();

        assertThat(review.getChecks()).allMatch(CheckResult::getPassed);
    }

    @Test
    void rejectsAPartnerNotEnrolledInTheProgramOrNotRegisteredAtAll() {
        UUID notEnrolled = submit(Claims.modernWork("1000002", CONTOSO, "contoso.onmicrosoft.com")
                .setSolutionArea("BUSINESS_APPLICATIONS").setProgram("OSU_BUSINESS_APPLICATIONS")
                .setPartnerRole("USAGE_RECOGNITION").setWorkloads(List.of("POWER_BI"))
                .setSubscriptionId("8c6f7b1e-1d2a-4a34-9d1b-5b4f2b7f6e10").build());
        UUID unregistered = submit(Claims.modernWork("9999999", CONTOSO, "contoso.onmicrosoft.com")
                .setWorkloads(List.of("INTUNE")).build());

        assertThat(((ClaimRejected) only(Topics.CLAIMS_OUTCOMES, notEnrolled).value()).getReasons())
                .singleElement().satisfies(reason -> {
                    assertThat(reason.getCode()).isEqualTo("PARTNER_NOT_ENROLLED");
                    assertThat(reason.getMessage()).contains("not enrolled in the program OSU_BUSINESS_APPLICATIONS");
                });
        assertThat(((ClaimRejected) only(Topics.CLAIMS_OUTCOMES, unregistered).value()).getReasons())
                .singleElement().satisfies(reason -> {
                    assertThat(reason.getCode()).isEqualTo("PARTNER_NOT_ENROLLED");
                    assertThat(reason.getMessage()).contains("9999999 is not registered");
                });
    }

    @Test
    void rejectsASecondOpenClaimForTheSameWorkloadUntilTheFirstIsWithdrawn() {
        String domain = "dup-" + UUID.randomUUID().toString().substring(0, 8) + ".sandbox.test";
        UUID tenant = TenantDirectory.sandboxTenantId(domain);
        UUID first = submit(Claims.modernWork("1000001", tenant, domain).build());
        only(Topics.CLAIMS_REVIEW, first);

        UUID second = submit(Claims.modernWork("1000001", tenant, domain).build());
        ClaimRejected duplicate = (ClaimRejected) only(Topics.CLAIMS_OUTCOMES, second).value();
        assertThat(duplicate.getReasons()).extracting(RejectionReason::getCode).containsExactly("DUPLICATE_CLAIM");

        UUID otherPartner = submit(Claims.modernWork("1000002", tenant, domain).build());
        assertThat(only(Topics.CLAIMS_REVIEW, otherPartner).value()).isInstanceOf(ReviewRequested.class);

        topics().send(Topics.CLAIMS_SUBMITTED, first.toString(), Claims.withdrawn(first, tenant));
        await().atMost(TIMEOUT).untilAsserted(() -> web.get().uri("/api/v1/reviews/{id}", first)
                .headers(h -> h.setBearerAuth(token("demo-validator"))).exchange()
                .expectBody().jsonPath("$.state").isEqualTo("WITHDRAWN"));
        UUID third = submit(Claims.modernWork("1000001", tenant, domain).build());
        assertThat(only(Topics.CLAIMS_REVIEW, third).value()).isInstanceOf(ReviewRequested.class);
    }

    @Test
    void waitsOutAnUnreachableTenantDirectoryAndChecksOnceItIsBack() {
        String domain = "flaky-" + UUID.randomUUID().toString().substring(0, 8) + ".sandbox.test";
        int refusedBefore = DIRECTORY.refused();
        DIRECTORY.down(true);
        UUID claimId;
        try {
            claimId = submit(Claims.modernWork("1000001", TenantDirectory.sandboxTenantId(domain), domain).build());
            await().atMost(TIMEOUT).until(() -> DIRECTORY.refused() > refusedBefore + 1);
            web.get().uri("/api/v1/reviews/{id}", claimId).headers(h -> h.setBearerAuth(token("demo-validator")))
                    .exchange().expectStatus().isNotFound();
        }
        finally {
            DIRECTORY.down(false);
        }

        ReviewRequested review = (ReviewRequested) only(Topics.CLAIMS_REVIEW, claimId).value();
        assertThat(review.getChecks()).allMatch(CheckResult::getPassed);
    }

    @Test
    void checksABusinessApplicationsClaimsSubscriptionAgainstWhatMicrosoftKnowsOfIt() {
        String domain = "bizapps-" + UUID.randomUUID().toString().substring(0, 8) + ".sandbox.test";
        UUID tenant = TenantDirectory.sandboxTenantId(domain);
        UUID claimId = submit(Claims.businessApplications("1000001", tenant, domain,
                SubscriptionDirectory.sandboxSubscriptionId(domain)).build());

        ReviewRequested review = (ReviewRequested) only(Topics.CLAIMS_REVIEW, claimId).value();
        assertThat(review.getChecks()).allMatch(CheckResult::getPassed);
        assertThat(review.getChecks()).extracting(CheckResult::getCode).contains("SUBSCRIPTION_NOT_IN_TENANT",
                "SUBSCRIPTION_NOT_BUSINESS_APPLICATIONS", "SUBSCRIPTION_BOUGHT_THROUGH_CSP",
                "SUBSCRIPTION_NOT_PROVISIONED", "SUBSCRIPTION_NOT_ACTIVE");
    }

    @ParameterizedTest(name = "{0} is rejected with {3}")
    @CsvSource({
        // The active subscription of the sandbox tenant of elsewhere.sandbox.test (SubscriptionDirectory).
        "another tenant's subscription, 2f6b1c3e-8d4a-4b7e-9a51-6c0d3e2f1a01, 0f83a54a-360e-8f05-9550-dd89a3c0a02e, "
            + "SUBSCRIPTION_NOT_IN_TENANT, DYNAMICS_365_CUSTOMER_SERVICE",
        "a subscription Microsoft does not know, 2f6b1c3e-8d4a-4b7e-9a51-6c0d3e2f1a01, "
            + "5f0e2d1c-0000-4000-8000-000000000000, SUBSCRIPTION_NOT_IN_TENANT, DYNAMICS_365_FIELD_SERVICE",
        "a Microsoft 365 subscription, 2f6b1c3e-8d4a-4b7e-9a51-6c0d3e2f1a01, 0b7c4e12-9a3d-4c6e-b5f8-2d1e7a9c3b32, "
            + "SUBSCRIPTION_NOT_BUSINESS_APPLICATIONS, DYNAMICS_365_FINANCE",
        "a subscription bought through CSP, 7a9e4d21-3c5b-4f88-b0d2-91e6a4c7d302, "
            + "6a2f8d47-3e1b-4b9c-9d05-7c4e1f2a8b43, SUBSCRIPTION_BOUGHT_THROUGH_CSP, DYNAMICS_365_SUPPLY_CHAIN",
        "a subscription not provisioned yet, 7a9e4d21-3c5b-4f88-b0d2-91e6a4c7d302, "
            + "9f3b6c21-7d4e-4a8f-b2c9-1e5d8a7f4c54, SUBSCRIPTION_NOT_PROVISIONED, POWER_APPS",
        "an expired subscription, c41d8e6f-2b7a-4d93-8e15-5f0a9b3c2d03, 2e8a4f63-5c1d-4e7b-a9f0-3b6d2c8e1a65, "
            + "SUBSCRIPTION_NOT_ACTIVE, POWER_AUTOMATE"})
    void rejectsASubscriptionThatCannotBeClaimed(String what, UUID tenant, String subscriptionId, String code,
            String workload) {
        String domain = switch (tenant.toString()) {
            case "2f6b1c3e-8d4a-4b7e-9a51-6c0d3e2f1a01" -> "contoso.com";
            case "7a9e4d21-3c5b-4f88-b0d2-91e6a4c7d302" -> "fabrikam.com";
            default -> "adatum.com";
        };
        // Each case its own workload: a claim of the same partner, tenant, program and workload would be a duplicate.
        UUID claimId = submit(Claims.businessApplications("1000001", tenant, domain, subscriptionId)
                .setWorkloads(List.of(workload)).build());

        ClaimRejected rejected = (ClaimRejected) only(Topics.CLAIMS_OUTCOMES, claimId).value();
        assertThat(rejected.getReasons()).extracting(RejectionReason::getCode).as(what).containsExactly(code);
    }

    @Test
    void acceptsASubscriptionInItsGracePeriod() {
        UUID claimId = submit(Claims.businessApplications("1000001", CONTOSO, "contoso.com",
                "3d1e5a90-6b2c-4f7d-8e41-0a9c2b7d5e21").setWorkloads(List.of("POWER_BI")).build());

        ReviewRequested review = (ReviewRequested) only(Topics.CLAIMS_REVIEW, claimId).value();
        assertThat(review.getChecks()).allMatch(CheckResult::getPassed);
    }

    @Test
    void waitsOutAnUnreachableSubscriptionDirectoryAndChecksOnceItIsBack() {
        String domain = "flaky-bizapps-" + UUID.randomUUID().toString().substring(0, 8) + ".sandbox.test";
        int refusedBefore = SUBSCRIPTIONS.refused();
        SUBSCRIPTIONS.down(true);
        UUID claimId;
        try {
            claimId = submit(Claims.businessApplications("1000001", TenantDirectory.sandboxTenantId(domain), domain,
                    SubscriptionDirectory.sandboxSubscriptionId(domain)).build());
            await().atMost(TIMEOUT).until(() -> SUBSCRIPTIONS.refused() > refusedBefore + 1);
            web.get().uri("/api/v1/reviews/{id}", claimId).headers(h -> h.setBearerAuth(token("demo-validator")))
                    .exchange().expectStatus().isNotFound();
        }
        finally {
            SUBSCRIPTIONS.down(false);
        }

        ReviewRequested review = (ReviewRequested) only(Topics.CLAIMS_REVIEW, claimId).value();
        assertThat(review.getChecks()).allMatch(CheckResult::getPassed);
    }

    @Test
    void approvesThroughTheApiAndRecordsTheDecisionOnTheTopic() {
        UUID claimId = inReview();

        web.post().uri("/api/v1/reviews/{id}/decision", claimId)
                .headers(h -> h.setBearerAuth(token("demo-validator")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"decision\":\"APPROVE\"}")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("APPROVED").jsonPath("$.decidedBy")
                .isEqualTo("demo-validator");

        ClaimApproved approved = (ClaimApproved) only(Topics.CLAIMS_OUTCOMES, claimId).value();
        assertThat(approved.getApprovedBy()).isEqualTo("demo-validator");
        ReviewDecided recorded = (ReviewDecided) only(Topics.CLAIMS_REVIEW_DECISIONS, claimId).value();
        assertThat(recorded.getDecision()).isEqualTo(ReviewDecision.APPROVE);
        assertThat(approved.getMetadata().getCausationId()).isEqualTo(recorded.getMetadata().getEventId());
    }

    @Test
    void approvesThroughTheDecisionsTopicOnceHoweverOftenTheDecisionIsDelivered() {
        UUID claimId = inReview();
        ReviewDecided decision = Claims.decided(claimId, ReviewDecision.APPROVE, null, null);

        topics().send(Topics.CLAIMS_REVIEW_DECISIONS, claimId.toString(), decision);
        topics().send(Topics.CLAIMS_REVIEW_DECISIONS, claimId.toString(), decision);

        ClaimApproved approved = (ClaimApproved) read(Topics.CLAIMS_OUTCOMES, claimId, 1, Duration.ofSeconds(3))
                .get(0).value();
        assertThat(read(Topics.CLAIMS_OUTCOMES, claimId, 1, Duration.ofSeconds(3))).hasSize(1);
        assertThat(approved.getApprovedBy()).isEqualTo("validator-tool");
    }

    @Test
    void asksForInformationTakesTheAnswerAndApprovesTheSecondRound() {
        UUID claimId = inReview();

        decide(claimId, "{\"decision\":\"REQUEST_INFORMATION\",\"message\":\"Attach the signed SOW\","
                + "\"reasons\":[\"MISSING_PROOF_OF_EXECUTION\",\"MISSING_OR_OUTDATED_DATES\"]}")
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("INFORMATION_REQUESTED");
        InformationRequested asked = (InformationRequested) only(Topics.CLAIMS_OUTCOMES, claimId).value();
        assertThat(asked.getMessage()).isEqualTo("Attach the signed SOW");
        assertThat(asked.getReasons()).containsExactly(
                io.cpor.events.review.InformationReason.MISSING_PROOF_OF_EXECUTION,
                io.cpor.events.review.InformationReason.MISSING_OR_OUTDATED_DATES);
        assertThat(asked.getAnswerBy()).as("14 business days")
                .isAfter(asked.getMetadata().getOccurredAt().plus(Duration.ofDays(18)));

        topics().send(Topics.CLAIMS_SUBMITTED, claimId.toString(), Claims.answered(claimId, "Attached, see SOW.pdf"));
        List<ConsumerRecord<String, Object>> rounds = read(Topics.CLAIMS_REVIEW, claimId, 2, QUIET);
        ReviewRequested second = (ReviewRequested) rounds.get(1).value();
        assertThat(second.getReviewRound()).isEqualTo(2);
        assertThat(second.getInformationExchanges()).singleElement().satisfies(exchange -> {
            assertThat(exchange.getQuestion()).isEqualTo("Attach the signed SOW");
            assertThat(exchange.getAnswer()).isEqualTo("Attached, see SOW.pdf");
        });

        decide(claimId, "{\"decision\":\"APPROVE\"}").expectStatus().isOk();
        assertThat(read(Topics.CLAIMS_OUTCOMES, claimId, 2, QUIET).get(1).value()).isInstanceOf(ClaimApproved.class);
    }

    @Test
    void checksAChangedClaimAgainAndShowsTheValidatorWhatChanged() {
        String domain = "amended-" + UUID.randomUUID().toString().substring(0, 8) + ".sandbox.test";
        UUID tenant = TenantDirectory.sandboxTenantId(domain);
        UUID claimId = submit(Claims.modernWork("1000001", tenant, domain).build());
        only(Topics.CLAIMS_REVIEW, claimId);
        decide(claimId, "{\"decision\":\"REQUEST_INFORMATION\",\"message\":\"Which workloads?\","
                + "\"reasons\":[\"MISSING_PRODUCTS\"]}").expectStatus().isOk();
        only(Topics.CLAIMS_OUTCOMES, claimId);

        Claim changed = Claims.modernWork("1000001", tenant, domain).setWorkloads(List.of("TEAMS", "INTUNE")).build();
        topics().send(Topics.CLAIMS_SUBMITTED, claimId.toString(), Claims.amended(claimId, changed, "workloads",
                "TEAMS", "TEAMS, INTUNE"));
        topics().send(Topics.CLAIMS_SUBMITTED, claimId.toString(), Claims.answered(claimId, "Intune too"));

        ReviewRequested second = (ReviewRequested) read(Topics.CLAIMS_REVIEW, claimId, 2, QUIET).get(1).value();
        assertThat(second.getClaim().getWorkloads()).containsExactly("TEAMS", "INTUNE");
        assertThat(second.getInformationExchanges()).singleElement().satisfies(exchange -> {
            assertThat(exchange.getReasons()).containsExactly(io.cpor.events.review.InformationReason.MISSING_PRODUCTS);
            assertThat(exchange.getChanges()).singleElement().satisfies(change -> {
                assertThat(change.getField()).isEqualTo("workloads");
                assertThat(change.getAfter()).isEqualTo("TEAMS, INTUNE");
            });
        });
        decide(claimId, "{\"decision\":\"APPROVE\"}").expectStatus().isOk();
        ClaimApproved approved = (ClaimApproved) read(Topics.CLAIMS_OUTCOMES, claimId, 2, QUIET).get(1).value();
        assertThat(approved.getClaim().getWorkloads()).as("the claim as changed").containsExactly("TEAMS", "INTUNE");
    }

    @Test
    void deadLettersAnAmendmentThatMovesTheClaimToAnotherPartnerOrTenant() {
        String domain = "forged-" + UUID.randomUUID().toString().substring(0, 8) + ".sandbox.test";
        UUID tenant = TenantDirectory.sandboxTenantId(domain);
        UUID claimId = submit(Claims.modernWork("1000001", tenant, domain).build());
        only(Topics.CLAIMS_REVIEW, claimId);
        decide(claimId, "{\"decision\":\"REQUEST_INFORMATION\",\"message\":\"Which workloads?\","
                + "\"reasons\":[\"MISSING_PRODUCTS\"]}").expectStatus().isOk();

        Claim moved = Claims.modernWork("1000002", UUID.randomUUID(), "elsewhere.sandbox.test").build();
        topics().send(Topics.CLAIMS_SUBMITTED, claimId.toString(), Claims.amended(claimId, moved, "partnerContact",
                "a", "b"));

        var dead = topics().readBytes(Topics.CLAIMS_SUBMITTED + ".DLT", record -> claimId.toString().equals(
                record.key()), 1, QUIET, TIMEOUT);
        assertThat(new String(dead.get(0).headers().lastHeader("kafka_dlt-exception-message").value(),
                StandardCharsets.UTF_8)).contains("keeps once submitted");
        web.get().uri("/api/v1/reviews/{id}", claimId).headers(h -> h.setBearerAuth(token("demo-validator")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.claim.partnerId").isEqualTo("1000001")
                .jsonPath("$.informationExchanges[0].changes").isEmpty();
    }

    @Test
    void reviewsADisputedRejectionByTheChecksAndMakesTheSecondRejectionFinal() {
        UUID claimId = submit(Claims.modernWork("1000001", UUID.randomUUID(), "nobody-knows.example").build());
        ClaimRejected first = (ClaimRejected) only(Topics.CLAIMS_OUTCOMES, claimId).value();
        assertThat(first.getAfterDispute()).isFalse();

        topics().send(Topics.CLAIMS_SUBMITTED, claimId.toString(), Claims.disputed(claimId,
                "The domain was verified yesterday"));

        ReviewRequested review = (ReviewRequested) only(Topics.CLAIMS_REVIEW, claimId).value();
        assertThat(review.getTrigger()).isEqualTo(io.cpor.events.review.ReviewTrigger.DISPUTED);
        assertThat(review.getReviewRound()).isEqualTo(2);
        assertThat(review.getDispute().getJustification()).isEqualTo("The domain was verified yesterday");
        assertThat(review.getDispute().getRejectedBy()).isNull();
        assertThat(review.getDispute().getRejectedFor()).extracting(check -> check.getCode())
                .contains("TENANT_DOMAIN_MISMATCH");
        assertThat(review.getChecks()).as("the failed checks are shown").anyMatch(check -> !check.getPassed());
        web.get().uri("/api/v1/reviews/{id}", claimId).headers(h -> h.setBearerAuth(token("demo-validator")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("PENDING")
                .jsonPath("$.dispute.justification").isEqualTo("The domain was verified yesterday");

        decide(claimId, "{\"decision\":\"REJECT\",\"reason\":\"The domain is still not the tenant's\"}")
                .expectStatus().isOk();
        ClaimRejected last = (ClaimRejected) read(Topics.CLAIMS_OUTCOMES, claimId, 2, QUIET).get(1).value();
        assertThat(last.getAfterDispute()).isTrue();
        topics().send(Topics.CLAIMS_SUBMITTED, claimId.toString(), Claims.disputed(claimId, "Once more"));
        assertThat(topics().read(Topics.CLAIMS_REVIEW, record -> claimId.toString().equals(record.key()), 1,
                Duration.ofSeconds(3), TIMEOUT)).as("no third round").hasSize(1);
    }

    @Test
    void rejectsAClaimWhoseInformationDeadlinePassed() {
        UUID claimId = inReview();
        decide(claimId, "{\"decision\":\"REQUEST_INFORMATION\",\"message\":\"Attach the SOW\","
                + "\"reasons\":[\"MISSING_PROOF_OF_EXECUTION\"]}")
                .expectStatus().isOk();
        InformationRequested asked = (InformationRequested) only(Topics.CLAIMS_OUTCOMES, claimId).value();

        clock.advance(Duration.between(clock.instant(), asked.getAnswerBy()).plusSeconds(1));

        ClaimRejected rejected = (ClaimRejected) read(Topics.CLAIMS_OUTCOMES, claimId, 2, QUIET).get(1).value();
        assertThat(rejected.getReasons()).extracting(RejectionReason::getCode)
                .containsExactly("INFORMATION_NOT_PROVIDED");
    }

    @Test
    void takesAWithdrawnClaimOutOfReviewAndRefusesLaterDecisions() {
        UUID claimId = inReview();

        topics().send(Topics.CLAIMS_SUBMITTED, claimId.toString(), Claims.withdrawn(claimId, CONTOSO));

        await().atMost(TIMEOUT).untilAsserted(() -> decide(claimId, "{\"decision\":\"APPROVE\"}")
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-in-review"));
        topics().send(Topics.CLAIMS_REVIEW_DECISIONS, claimId.toString(),
                Claims.decided(claimId, ReviewDecision.APPROVE, null, null));
        assertThat(topics().read(Topics.CLAIMS_OUTCOMES, record -> claimId.toString().equals(record.key()), 0,
                Duration.ofSeconds(3), TIMEOUT)).isEmpty();
    }

    @Test
    void countsADecisionForAnUnknownClaimWithoutApplyingIt() {
        double before = notApplied();

        topics().send(Topics.CLAIMS_REVIEW_DECISIONS, UUID.randomUUID().toString(),
                Claims.decided(UUID.randomUUID(), ReviewDecision.APPROVE, null, null));

        await().atMost(TIMEOUT).until(() -> notApplied() > before);
    }

    @Test
    void deadLettersADecisionThatBreaksTheContract() {
        UUID claimId = inReview();
        ReviewDecided noReason = Claims.decided(claimId, ReviewDecision.REJECT, null, null);

        topics().send(Topics.CLAIMS_REVIEW_DECISIONS, claimId.toString(), noReason);
        topics().sendBytes(Topics.CLAIMS_REVIEW_DECISIONS, claimId.toString(), "garbage".getBytes(
                StandardCharsets.UTF_8));

        var dead = topics().readBytes(Topics.CLAIMS_REVIEW_DECISIONS + ".DLT",
                record -> claimId.toString().equals(record.key()), 2, QUIET, TIMEOUT);
        assertThat(new String(dead.get(0).headers().lastHeader("kafka_dlt-exception-message").value(),
                StandardCharsets.UTF_8)).contains("needs a reason");
        decide(claimId, "{\"decision\":\"APPROVE\"}").expectStatus().isOk();
    }

    private double notApplied() {
        var answer = web.get().uri("/actuator/metrics/cpor.validation.decisions.not.applied").exchange()
                .returnResult(String.class);
        if (answer.getStatus().value() == 404) {
            return 0;
        }
        String json = answer.getResponseBody().blockFirst();
        return io.cpor.validation.Claims.JSON.readTree(json).path("measurements").get(0).path("value").asDouble();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec decide(UUID claimId,
            String body) {
        return web.post().uri("/api/v1/reviews/{id}/decision", claimId)
                .headers(h -> h.setBearerAuth(token("demo-validator")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private UUID inReview() {
        String domain = "review-" + UUID.randomUUID().toString().substring(0, 8) + ".sandbox.test";
        UUID claimId = submit(Claims.modernWork("1000001", TenantDirectory.sandboxTenantId(domain), domain)
                .build());
        only(Topics.CLAIMS_REVIEW, claimId);
        return claimId;
    }

    private static UUID submit(Claim claim) {
        UUID claimId = UUID.randomUUID();
        topics().send(Topics.CLAIMS_SUBMITTED, claimId.toString(), Claims.submitted(claimId, claim));
        return claimId;
    }

    private static ConsumerRecord<String, Object> only(String topic, UUID claimId) {
        List<ConsumerRecord<String, Object>> records = read(topic, claimId, 1, QUIET);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static List<ConsumerRecord<String, Object>> read(String topic, UUID claimId, int expected,
            Duration quiet) {
        return topics().read(topic, record -> claimId.toString().equals(record.key()), expected, quiet, TIMEOUT);
    }
}
