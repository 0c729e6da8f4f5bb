package io.cpor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cpor.e2e.support.Actors;
import io.cpor.e2e.support.Browser;
import io.cpor.e2e.support.ClaimSpec;
import io.cpor.e2e.support.Http;
import io.cpor.e2e.support.Stack;
import io.cpor.events.EventMetadata;
import io.cpor.events.review.ReviewDecided;
import io.cpor.events.review.ReviewDecision;
import io.cpor.events.review.ReviewRequested;
import io.cpor.local.testing.Mailbox;
import io.cpor.local.subscriptions.SubscriptionDirectory;
import io.cpor.local.tenants.TenantDirectory;
import io.cpor.local.testing.TopicProbe;
import io.cpor.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * A partner, validators and customers using the whole stack, started as the README starts it, through its public
 * surfaces: the APIs with tokens from the local issuer, the topics with the project's serde, mail over IMAP, and the
 * decline page in headless Chromium. Each journey has a tenant and mailboxes of its own, so the journeys run side by
 * side (most of their time is waiting for a decline window to pass).
 */
@Execution(ExecutionMode.CONCURRENT)
class JourneysIntegrationTests {

    private static final Pattern DECLINE_LINK = Pattern.compile("href=\"(http://[^\"]+/decline/[A-Za-z0-9_-]{43})\"");

    private final Stack stack = Stack.shared();
    private final Actors actors = new Actors(stack);
    private final Actors.Partner partner = actors.partner("demo-partner-1");
    private final Actors.Validator validator = actors.validator();

    @Test
    void approvedClaimNobodyDeclinesBecomesAssociated() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "happy");
        UUID claimId = partner.submit(spec);

        validator.approve(claimId);

        Mailbox.Mail request = actors.awaitMail(spec.customerEmail(), mail -> true).get(0);
        assertThat(request.subject()).isEqualTo("Litware Consulting Ltd (PartnerID 1000001) asks to be the partner of "
                + "record of your organization");
        assertThat(request.text()).contains("Hello Ana Souza,", "Litware Consulting Ltd (PartnerID 1000001)",
                "  - Microsoft Teams", "  - Exchange Online", "tenant " + spec.tenantId() + " (" + spec.domain() + ")",
                "You may decline until", "/decline/");
        assertThat(request.html()).containsPattern(DECLINE_LINK);
        JsonNode waiting = partner.awaitStatus(claimId, "AWAITING_CUSTOMER");
        assertThat(waiting.path("workloads").toString()).contains("PENDING_CUSTOMER");

        JsonNode associated = partner.awaitStatus(claimId, "ASSOCIATED");

        assertThat(associated.path("workloads").findValuesAsText("state")).containsOnly("ACTIVE");
        assertThat(partner.associations(spec.tenantId())).singleElement().satisfies(association -> {
            assertThat(association.path("state").asText()).isEqualTo("ACTIVE");
            assertThat(association.path("claimId").asText()).isEqualTo(claimId.toString());
        });
        assertThat(actors.awaitMail(spec.partnerEmail(), mail -> mail.subject().startsWith("You are now")))
                .filteredOn(mail -> mail.subject().startsWith("You are now")).singleElement()
                .satisfies(mail -> assertThat(mail.text()).contains("Microsoft Teams", "Exchange Online"));
        assertThat(actors.mails(spec.customerEmail())).as("one mail per request").hasSize(1);
    }

    @Test
    void aDraftIsWrittenInStepsSubmittedAndApproved() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "draft");
        JsonNode draft = partner.startDraft(spec);
        UUID id = UUID.fromString(draft.path("claimId").asText());
        assertThat(draft.path("status").asText()).isEqualTo("DRAFT");

        JsonNode complete = partner.completeDraft(id, spec);
        assertThat(complete.at("/claim/workloads").toString()).isEqualTo("[\"TEAMS\",\"EXCHANGE_ONLINE\"]");
        Http.Answer submitted = partner.submitDraft(id);

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().path("claimId").asText()).isEqualTo(id.toString());
        validator.approve(id);
        partner.awaitStatus(id, "AWAITING_CUSTOMER");
    }

    @Test
    void thePartnerEndsAnActiveAssociationTheCustomerIsToldAndTheWorkloadIsFreeForAnother() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "ended").workloads("TEAMS");
        UUID claimId = partner.submit(spec);
        validator.approve(claimId);
        partner.awaitStatus(claimId, "ASSOCIATED");
        UUID requestId = UUID.fromString(partner.associations(spec.tenantId()).get(0).path("requestId").asText());

        Http.Answer ended = partner.disassociate(requestId, "The customer chose another partner");

        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        JsonNode claim = partner.awaitStatus(claimId, "REJECTED_FINAL");
        assertThat(claim.path("rejectionReasons").get(0).path("code").asText()).isEqualTo("PARTNER_REQUEST");
        assertThat(actors.awaitMail(spec.customerEmail(), mail -> mail.subject().contains("no longer"))
                .stream().filter(mail -> mail.subject().contains("no longer")).findFirst().orElseThrow().subject())
                .isEqualTo("Litware Consulting Ltd (PartnerID 1000001) is no longer the partner of record of your "
                        + "organization");
        Actors.Partner other = actors.partner("demo-partner-2");
        UUID newcomer = other.submit(new ClaimSpec("1000002", spec.name() + " (2)", spec.tenantId(), spec.domain(),
                "en", spec.customerEmail(), "other-" + spec.partnerEmail(), List.of("TEAMS")));
        validator.approve(newcomer);
        other.awaitStatus(newcomer, "AWAITING_CUSTOMER");
    }

    @Test
    void aViewerReadsAndExportsItsPartnersClaimsButCannotChangeAnything() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "viewer");
        UUID claimId = partner.submit(spec);
        Actors.Partner viewer = actors.partner("demo-partner-1-viewer");

        assertThat(viewer.claim(claimId).path("name").asText()).isEqualTo(spec.name());
        assertThat(viewer.trySubmit(ClaimSpec.fresh("1000001", "viewer")).status()).isEqualTo(403);
        assertThat(viewer.withdraw(claimId).status()).isEqualTo(403);
        assertThat(viewer.answer(claimId, "I cannot answer").status()).isEqualTo(403);
        assertThat(viewer.submitDraft(claimId).status()).isEqualTo(403);
        assertThat(viewer.edit(claimId, Map.of("comment", "I cannot comment")).status()).isEqualTo(403);
        assertThat(viewer.dispute(claimId, "I cannot dispute").status()).isEqualTo(403);
        Http.Answer export = viewer.export("tenantId=" + spec.tenantId());
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).startsWith("claimId,name,status,").contains(claimId + "," + spec.name() + ",");
        assertThat(partner.claim(claimId).path("status").asText()).isNotEqualTo("WITHDRAWN");
    }

    @Test
    void aThousandClaimsExportAsCsvWithEveryRow() {
        int count = Integer.getInteger("cpor.journeys.export-claims", 1000);
        // A partner no other journey uses: its changes of the minute are used up on the way, and the mails about
        // its claims (rejected: it is enrolled in OSA_SELL only) wait behind the hourly limit of partner mail.
        Actors.Partner exporter = actors.partner("demo-partner-3");
        ClaimSpec first = ClaimSpec.fresh("1000003", "export");
        for (int i = 0; i < count; i++) {
            exporter.submit(first);
        }

        Http.Answer export = exporter.export("tenantId=" + first.tenantId() + "&sort=submittedAt,asc");

        assertThat(export.status()).isEqualTo(200);
        String[] lines = export.body().split("\r\n");
        assertThat(lines).hasSize(count + 1);
        assertThat(lines[0]).startsWith("claimId,name,status,submittedAt,");
        assertThat(java.util.Arrays.stream(lines).skip(1)).allSatisfy(line -> assertThat(line)
                .contains("," + first.tenantId() + "," + first.domain() + ","));
    }

    @Test
    void validatorAsksPartnerChangesTheClaimAndAnswersValidatorSeesTheChangesAndApproves() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "loop");
        UUID claimId = partner.submit(spec);
        validator.awaitReview(claimId, "PENDING");

        Http.Answer asked = validator.decide(claimId, Map.of("decision", "REQUEST_INFORMATION",
                "message", "Attach the signed statement of work",
                "reasons", List.of("MISSING_PROOF_OF_EXECUTION", "MISSING_CUSTOMER_ACKNOWLEDGEMENT")));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        JsonNode waiting = partner.awaitStatus(claimId, "INFORMATION_REQUESTED");
        assertThat(waiting.at("/informationRequest/reasons").toString())
                .isEqualTo("[\"MISSING_PROOF_OF_EXECUTION\",\"MISSING_CUSTOMER_ACKNOWLEDGEMENT\"]");
        assertThat(actors.awaitMail(spec.partnerEmail(), mail -> mail.subject().startsWith("Information requested"))
                .get(0).text()).contains("Attach the signed statement of work", "/information");
        Http.Answer edited = partner.edit(claimId, Map.of(
                "workloads", List.of("TEAMS", "EXCHANGE_ONLINE", "INTUNE"),
                "comment", "Intune was part of the same rollout"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        Http.Answer answered = partner.answer(claimId, "The signed statement of work is at the same address.");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);

        JsonNode review = validator.awaitReview(claimId, "PENDING");
        assertThat(review.path("round").asInt()).isEqualTo(2);
        assertThat(review.at("/claim/workloads").toString())
                .isEqualTo("[\"TEAMS\",\"EXCHANGE_ONLINE\",\"INTUNE\"]");
        JsonNode changes = review.at("/informationExchanges/0/changes");
        assertThat(changes.get(0).path("field").asText()).isEqualTo("workloads");
        assertThat(changes.get(0).path("after").asText()).isEqualTo("TEAMS, EXCHANGE_ONLINE, INTUNE");
        assertThat(changes.get(1).path("after").asText()).isEqualTo("Intune was part of the same rollout");
        validator.approve(claimId);

        JsonNode approved = partner.awaitStatus(claimId, "AWAITING_CUSTOMER");
        assertThat(approved.at("/workloads/2/workload").asText()).isEqualTo("INTUNE");
        assertThat(approved.path("timeline").toString())
                .contains("Partner comment: Intune was part of the same rollout");
    }

    @Test
    void aRejectedClaimIsDisputedAndApprovedOnReview() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "dispute");
        UUID claimId = partner.submit(spec);
        validator.awaitReview(claimId, "PENDING");
        Http.Answer rejected = validator.decide(claimId, Map.of("decision", "REJECT",
                "reason", "The proof does not show the customer's consent"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(partner.awaitStatus(claimId, "REJECTED").path("disputableUntil").asText()).isNotEmpty();

        Http.Answer disputed = partner.dispute(claimId, "The consent is on page 3 of the proof of execution.");
        assertThat(disputed.status()).as(disputed.body()).isEqualTo(200);
        assertThat(disputed.json().path("status").asText()).isEqualTo("DISPUTED");

        JsonNode review = validator.awaitReview(claimId, "PENDING");
        assertThat(review.path("round").asInt()).isEqualTo(2);
        assertThat(review.at("/dispute/justification").asText())
                .isEqualTo("The consent is on page 3 of the proof of execution.");
        assertThat(review.at("/dispute/rejectedFor/0/message").asText())
                .isEqualTo("The proof does not show the customer's consent");
        validator.approve(claimId);

        partner.awaitStatus(claimId, "AWAITING_CUSTOMER");
    }

    @Test
    void aDisputeRejectedAgainIsFinalAndASecondDisputeIsRefused() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "final").tenant(UUID.randomUUID());
        UUID claimId = partner.submit(spec);
        partner.awaitStatus(claimId, "REJECTED");

        Http.Answer disputed = partner.dispute(claimId, "The domain was added to the tenant last week.");
        assertThat(disputed.status()).as(disputed.body()).isEqualTo(200);
        JsonNode review = validator.awaitReview(claimId, "PENDING");
        assertThat(review.at("/dispute/rejectedFor").toString()).as("the checks that failed")
                .contains("TENANT_DOMAIN_MISMATCH");
        Http.Answer rejected = validator.decide(claimId, Map.of("decision", "REJECT",
                "reason", "The domain is still not one of the tenant's"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        partner.awaitStatus(claimId, "REJECTED_FINAL");

        Http.Answer again = partner.dispute(claimId, "Please look once more.");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("dispute-already-raised");
    }

    @Test
    void aBusinessApplicationsClaimNamesItsTechnicalContactAndEveryClaimAcceptsTheTerms() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "bizapps");
        Map<String, Object> body = new java.util.LinkedHashMap<>(spec.body());
        body.put("solutionArea", "BUSINESS_APPLICATIONS");
        body.put("program", "OSU_BUSINESS_APPLICATIONS");
        body.put("partnerRole", "USAGE_RECOGNITION");
        body.put("workloads", List.of("DYNAMICS_365_SALES"));
        body.put("subscriptionId", "8c6f7b1e-1d2a-4a34-9d1b-5b4f2b7f6e10");
        body.put("incentiveOptOut", true);
        String url = stack.url(8080) + "/api/v1/claims";
        String token = stack.token("demo-partner-1");

        Http.Answer withoutContact = Http.post(url, token, body);
        assertThat(withoutContact.status()).isEqualTo(400);
        assertThat(withoutContact.body()).contains("\"technicalContact\"");
        Map<String, Object> noTerms = new java.util.LinkedHashMap<>(spec.body());
        noTerms.remove("programTermsAccepted");
        assertThat(Http.post(url, token, noTerms).body()).contains("\"programTermsAccepted\"");

        body.put("technicalContact", Map.of("name", "Rui Tech", "email", "rui@partner.example",
                "phone", "+55 11 5555-0100"));
        Http.Answer accepted = Http.post(url, token, body);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode claim = partner.claim(UUID.fromString(accepted.json().path("claimId").asText()));
        assertThat(claim.at("/technicalContact/name").asText()).isEqualTo("Rui Tech");
        assertThat(claim.path("programTermsAccepted").asBoolean()).isTrue();
        assertThat(claim.path("incentiveOptOut").asBoolean()).isTrue();
    }

    @Test
    void twoPartnersOnOneSubscriptionAreArbitratedWhateverTheWorkloadsTheyClaim() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "subscription");
        String subscription = SubscriptionDirectory.sandboxSubscriptionId(spec.domain());
        UUID firstId = submitRaw("demo-partner-1", businessApplications(spec, "OSU_BUSINESS_APPLICATIONS",
                "USAGE_RECOGNITION", subscription, "DYNAMICS_365_SALES"));
        validator.approve(firstId);
        partner.awaitStatus(firstId, "AWAITING_CUSTOMER");

        // An advisor (OSA) of another partner, for another workload of the same subscription.
        ClaimSpec other = spec.byPartner("1000002");
        UUID secondId = submitRaw("demo-partner-2", businessApplications(other, "OSA_SELL", "BUILD_INTENT_ADVISOR",
                subscription, "POWER_BI"));
        validator.approve(secondId);

        // The subscription is contested whatever the workloads: validators arbitrate, and keep the holder here.
        Actors.Partner second = actors.partner("demo-partner-2");
        assertThat(states(second.awaitStatus(secondId, "CONTESTED"))).containsExactlyEntriesOf(Map.of("POWER_BI",
                "CONTESTED"));
        JsonNode review = validator.awaitReview(secondId, "PENDING");
        assertThat(review.at("/arbitration/holders/0/claim/subscriptionId").asText()).isEqualTo(subscription);
        Http.Answer kept = validator.decide(secondId, Map.of("decision", "KEEP_HOLDER"));
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        await().atMost(Actors.PATIENCE).untilAsserted(() -> assertThat(states(second.claim(secondId)))
                .containsExactlyEntriesOf(Map.of("POWER_BI", "CONFLICT")));
        assertThat(partner.claim(firstId).path("workloads").toString()).containsAnyOf("PENDING_CUSTOMER", "ACTIVE");
    }

    @Test
    void aContestedClaimKeptWithTheHolderConflictsAndLeavesTheHolderAsItWas() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "kept").workloads("TEAMS");
        Actors.Partner other = actors.partner("demo-partner-2");
        UUID holderId = heldAndApproved(spec);
        UUID newcomerId = other.submit(spec.byPartner("1000002").workloads("TEAMS", "INTUNE"));
        validator.approve(newcomerId);

        JsonNode contested = other.awaitStatus(newcomerId, "CONTESTED");
        assertThat(states(contested)).containsEntry("TEAMS", "CONTESTED");
        assertThat(contested.toString()).as("the holder is never shown to the newcomer").doesNotContain("1000001")
                .doesNotContain(holderId.toString());
        JsonNode review = validator.awaitReview(newcomerId, "PENDING");
        assertThat(review.at("/arbitration/contestedWorkloads").toString()).isEqualTo("[\"TEAMS\"]");
        assertThat(review.at("/arbitration/holders/0/claimId").asText()).isEqualTo(holderId.toString());
        assertThat(review.at("/arbitration/holders/0/claim/partnerId").asText()).isEqualTo("1000001");
        Http.Answer kept = validator.decide(newcomerId, Map.of("decision", "KEEP_HOLDER"));
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);

        await().atMost(Actors.PATIENCE).untilAsserted(() -> assertThat(states(other.claim(newcomerId)))
                .containsEntry("TEAMS", "CONFLICT").doesNotContainValue("CONTESTED"));
        assertThat(actors.awaitMail(spec.byPartner("1000002").partnerEmail(), m -> m.subject().startsWith(
                "Some workloads")).get(0).text()).contains("Microsoft Teams: another partner is partner of record for it")
                .doesNotContain("1000001");
        assertThat(other.claim(newcomerId).path("status").asText()).isIn("APPROVED", "AWAITING_CUSTOMER",
                "ASSOCIATED");
        JsonNode holder = partner.claim(holderId);
        assertThat(holder.path("status").asText()).isIn("AWAITING_CUSTOMER", "ASSOCIATED");
        assertThat(states(holder).get("TEAMS")).isIn("PENDING_CUSTOMER", "ACTIVE");
    }

    @Test
    void aContestedClaimAwardedToTheNewcomerEndsTheHolderAndBecomesAssociatedAfterTheWindow() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "awarded").workloads("INTUNE");
        UUID holderId = heldAndApproved(spec);
        Actors.Partner other = actors.partner("demo-partner-2");
        ClaimSpec newcomer = spec.byPartner("1000002").workloads("INTUNE");
        UUID newcomerId = other.submit(newcomer);
        validator.approve(newcomerId);
        other.awaitStatus(newcomerId, "CONTESTED");
        validator.awaitReview(newcomerId, "PENDING");

        Http.Answer awarded = validator.decide(newcomerId, Map.of("decision", "AWARD_TO_CLAIMANT"));
        assertThat(awarded.status()).as(awarded.body()).isEqualTo(200);

        JsonNode ended = partner.awaitStatus(holderId, "REJECTED_FINAL");
        assertThat(ended.path("rejectionReasons").findValuesAsText("code")).containsExactly("SUPERSEDED_AFTER_REVIEW");
        assertThat(actors.awaitMail(spec.partnerEmail(), m -> m.subject().contains("was ended after Microsoft's "
                + "review")).get(0).text()).contains("Microsoft Intune").doesNotContain("1000002");
        JsonNode associated = other.awaitStatus(newcomerId, "ASSOCIATED");
        assertThat(states(associated)).containsExactlyEntriesOf(Map.of("INTUNE", "ACTIVE"));
    }

    @Test
    void aNewcomerWithdrawingDuringTheArbitrationEndsItAndTheHolderKeepsEverything() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "arbitration-withdrawn").workloads("PURVIEW");
        UUID holderId = heldAndApproved(spec);
        Actors.Partner other = actors.partner("demo-partner-2");
        UUID newcomerId = other.submit(spec.byPartner("1000002").workloads("PURVIEW"));
        validator.approve(newcomerId);
        other.awaitStatus(newcomerId, "CONTESTED");
        validator.awaitReview(newcomerId, "PENDING");

        Http.Answer withdrawn = other.withdraw(newcomerId);
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);

        validator.awaitReview(newcomerId, "WITHDRAWN");
        assertThat(validator.decide(newcomerId, Map.of("decision", "AWARD_TO_CLAIMANT")).status()).isEqualTo(409);
        JsonNode holder = partner.claim(holderId);
        assertThat(holder.path("status").asText()).isIn("AWAITING_CUSTOMER", "ASSOCIATED");
        assertThat(states(holder).get("PURVIEW")).isIn("PENDING_CUSTOMER", "ACTIVE");
    }

    /** The first partner's claim, approved and waiting on its customer: it holds what it claims. */
    private UUID heldAndApproved(ClaimSpec spec) {
        UUID holderId = partner.submit(spec);
        validator.approve(holderId);
        partner.awaitStatus(holderId, "AWAITING_CUSTOMER");
        return holderId;
    }

    @Test
    void eachSubscriptionThatCannotBeClaimedIsRejectedWithItsOwnCode() {
        // tenant domain, subscription, the code, and a workload of its own (the same one twice would be a duplicate)
        List<List<String>> cases = List.of(
                List.of("contoso.com", SubscriptionDirectory.sandboxSubscriptionId("elsewhere.sandbox.test"),
                        "SUBSCRIPTION_NOT_IN_TENANT", "DYNAMICS_365_CUSTOMER_SERVICE"),
                List.of("contoso.com", "0b7c4e12-9a3d-4c6e-b5f8-2d1e7a9c3b32", "SUBSCRIPTION_NOT_BUSINESS_APPLICATIONS",
                        "DYNAMICS_365_FIELD_SERVICE"),
                List.of("fabrikam.com", "6a2f8d47-3e1b-4b9c-9d05-7c4e1f2a8b43", "SUBSCRIPTION_BOUGHT_THROUGH_CSP",
                        "DYNAMICS_365_FINANCE"),
                List.of("fabrikam.com", "9f3b6c21-7d4e-4a8f-b2c9-1e5d8a7f4c54", "SUBSCRIPTION_NOT_PROVISIONED",
                        "POWER_APPS"),
                List.of("adatum.com", "2e8a4f63-5c1d-4e7b-a9f0-3b6d2c8e1a65", "SUBSCRIPTION_NOT_ACTIVE",
                        "POWER_AUTOMATE"));
        Map<UUID, String> expected = new java.util.LinkedHashMap<>();
        for (List<String> c : cases) {
            Map<String, Object> body = businessApplications(ClaimSpec.fresh("1000001", "refused"),
                    "OSU_BUSINESS_APPLICATIONS", "USAGE_RECOGNITION", c.get(1), c.get(3));
            UUID tenant = TenantDirectory.demoTenantId(c.get(0));
            body.put("customer", Map.of("tenantId", tenant.toString(), "domain", c.get(0), "locale", "en",
                    "contact", Map.of("name", "Ana Souza", "email", "ana.souza@" + c.get(0))));
            expected.put(submitRaw("demo-partner-1", body), c.get(2));
        }

        expected.forEach((claimId, code) -> assertThat(partner.awaitStatus(claimId, "REJECTED")
                .path("rejectionReasons").findValuesAsText("code")).as(code).containsExactly(code));
    }

    /** A Business Applications claim of the spec's customer for the subscription and workload. */
    private static Map<String, Object> businessApplications(ClaimSpec spec, String program, String role,
            String subscriptionId, String workload) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(spec.body());
        body.put("solutionArea", "BUSINESS_APPLICATIONS");
        body.put("program", program);
        body.put("partnerRole", role);
        body.put("workloads", List.of(workload));
        body.put("subscriptionId", subscriptionId);
        body.put("technicalContact", Map.of("name", "Rui Tech", "email", "rui@partner.example"));
        return body;
    }

    private UUID submitRaw(String client, Map<String, Object> body) {
        Http.Answer accepted = Http.post(stack.url(8080) + "/api/v1/claims", stack.token(client), body);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return UUID.fromString(accepted.json().path("claimId").asText());
    }

    @Test
    void domainThatIsNotTheTenantsIsRejectedAndThePartnerToldWhy() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "mismatch").tenant(UUID.randomUUID());
        UUID claimId = partner.submit(spec);

        JsonNode rejected = partner.awaitStatus(claimId, "REJECTED");

        assertThat(rejected.toString()).contains("TENANT_DOMAIN_MISMATCH");
        Mailbox.Mail mail = actors.awaitMail(spec.partnerEmail(), m -> m.subject().contains("was rejected")).get(0);
        assertThat(mail.text()).contains("TENANT_DOMAIN_MISMATCH", spec.domain());
    }

    @Test
    void customerDeclinesFromTheMailLinkInTheBrowser() {
        WebDriver browser = Browser.open();
        try {
            ClaimSpec spec = ClaimSpec.fresh("1000001", "decline").locale("pt-BR");
            UUID claimId = partner.submit(spec);
            validator.approve(claimId);

            Mailbox.Mail mail = actors.awaitMail(spec.customerEmail(), m -> true).get(0);
            assertThat(mail.subject()).isEqualTo(
                    "Litware Consulting Ltd (PartnerID 1000001) pede para ser o parceiro de registro da sua "
                            + "organização");
            assertThat(mail.text()).contains("Olá Ana Souza,", "Você pode recusar até");
            browser.get(link(mail));
            assertThat(browser.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Recusar esta solicitação de parceiro de registro?");
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            await().atMost(Actors.PATIENCE).until(() -> browser.findElement(By.tagName("h1")).getText()
                    .equals("Você recusou a solicitação"));

            JsonNode declined = partner.awaitStatus(claimId, "DECLINED_BY_CUSTOMER");
            assertThat(declined.path("workloads").findValuesAsText("state")).containsOnly("DECLINED");
            assertThat(actors.awaitMail(spec.partnerEmail(), m -> m.subject().startsWith("The customer declined")))
                    .isNotEmpty();
        }
        finally {
            browser.quit();
        }
    }

    @Test
    void partnerWithdrawsDuringReview() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "withdraw");
        UUID claimId = partner.submit(spec);
        validator.awaitReview(claimId, "PENDING");

        Http.Answer withdrawn = partner.withdraw(claimId);

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        partner.awaitStatus(claimId, "WITHDRAWN");
        validator.awaitReview(claimId, "WITHDRAWN");
        assertThat(validator.decide(claimId, Map.of("decision", "APPROVE")).status()).isEqualTo(409);
    }

    @Test
    void customerEndsTheAssociationAfterItBecameActive() {
        WebDriver browser = Browser.open();
        try {
            ClaimSpec spec = ClaimSpec.fresh("1000001", "remove");
            UUID claimId = partner.submit(spec);
            validator.approve(claimId);
            String link = link(actors.awaitMail(spec.customerEmail(), m -> true).get(0));
            partner.awaitStatus(claimId, "ASSOCIATED");

            browser.get(link);
            assertThat(browser.findElement(By.tagName("h1")).getText())
                    .isEqualTo("End this partner of record association?");
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            await().atMost(Actors.PATIENCE).until(() -> browser.findElement(By.tagName("h1")).getText()
                    .equals("You ended the association"));

            JsonNode removed = partner.awaitStatus(claimId, "REMOVED_BY_CUSTOMER");
            assertThat(removed.path("workloads").findValuesAsText("state")).containsOnly("REMOVED");
        }
        finally {
            browser.quit();
        }
    }

    @Test
    void validatorToolDecidesThroughTheDecisionsTopic() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "tool");
        UUID claimId = partner.submit(spec);
        TopicProbe topics = new TopicProbe(stack.endpoints());
        ReviewRequested review = (ReviewRequested) topics.read(Topics.CLAIMS_REVIEW, record -> record.value()
                        instanceof ReviewRequested requested && requested.getMetadata().getClaimId().equals(claimId), 1,
                Duration.ZERO, Actors.PATIENCE).get(0).value();

        ReviewDecided decided = ReviewDecided.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setClaimId(claimId)
                        .setCausationId(review.getMetadata().getEventId())
                        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build())
                .setDecision(ReviewDecision.APPROVE).setReason(null).setMessage(null).setValidator("review-bot")
                .setReviewRequestId(review.getMetadata().getEventId()).build();
        topics.send(Topics.CLAIMS_REVIEW_DECISIONS, claimId.toString(), decided);

        partner.awaitStatus(claimId, "AWAITING_CUSTOMER");
        assertThat(validator.awaitReview(claimId, "APPROVED").toString()).contains("review-bot");
    }

    /** Each workload of a claim and its state. */
    private static Map<String, String> states(JsonNode claim) {
        Map<String, String> states = new java.util.LinkedHashMap<>();
        claim.path("workloads").forEach(workload -> states.put(workload.path("workload").asText(),
                workload.path("state").asText()));
        return states;
    }

    /** The decline link as a mail client shows it: the button's address in the HTML part. */
    private static String link(Mailbox.Mail mail) {
        Matcher link = DECLINE_LINK.matcher(mail.html());
        assertThat(link.find()).as("a decline link in %s", mail.html()).isTrue();
        return link.group(1);
    }
}
