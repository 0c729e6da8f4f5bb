package io.cpor.associations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cpor.associations.Approvals;
import io.cpor.associations.AssociationServiceTest;
import io.cpor.associations.domain.AssociationRequest;
import io.cpor.associations.domain.AssociationStatus;
import io.cpor.associations.domain.Associations;
import io.cpor.events.associations.AssociationDeclined;
import io.cpor.events.associations.AssociationRequested;
import io.cpor.events.claims.Claim;
import io.cpor.events.claims.Customer;
import io.cpor.events.outcomes.ClaimApproved;
import io.cpor.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

/** The customer's decline page over HTTP: what it shows, what a POST does, and what it refuses. */
class DeclinePageIntegrationTests extends AssociationServiceTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    private Associations associations;

    @Test
    void pageShowsWhoAsksForWhatUntilWhenAndChangesNothing() {
        AssociationRequested requested = awaiting(Approvals.approved("1000001", UUID.randomUUID(), "TEAMS",
                "EXCHANGE_ONLINE"), Instant.parse("2026-12-02T08:00:00Z"));

        EntityExchangeResult<String> page = get(requested);

        assertThat(page.getStatus().value()).isEqualTo(200);
        assertThat(page.getResponseBody()).contains("Litware Consulting Ltd (PartnerID 1000001)",
                "Tenant " + requested.getCustomer().getTenantId() + " (contoso.onmicrosoft.com)",
                "<li>Microsoft Teams</li>", "<li>Exchange Online</li>", "Online Services Usage, Microsoft 365",
                "You may decline until Wednesday, December 2, 2026", "Pacific Standard Time",
                "usage data for these products", "organization&#39;s",
                "<form method=\"post\" action=\"/decline/" + tokenOf(requested) + "\">", "Decline the request");
        // Named as registered with Partner Center, never as the claim typed it.
        assertThat(page.getResponseBody()).doesNotContain("Fabrikam Consulting");
        HttpHeaders headers = page.getResponseHeaders();
        assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'none'",
                "frame-ancestors 'none'", "form-action 'self'");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("Cache-Control")).contains("no-store");
        assertThat(status(requested)).isEqualTo(AssociationStatus.AWAITING_CUSTOMER);
        get(requested);
        assertThat(status(requested)).isEqualTo(AssociationStatus.AWAITING_CUSTOMER);
    }

    @Test
    void confirmingDeclinesAndConfirmingAgainShowsTheSameOutcome() {
        AssociationRequested requested = awaiting(Approvals.approved("1000001", UUID.randomUUID(), "INTUNE"),
                Instant.now().plus(Duration.ofDays(5)));
        EntityExchangeResult<String> page = get(requested);

        EntityExchangeResult<String> outcome = post(requested, page);
        // The browser's back button and a second click: the same form posted again.
        EntityExchangeResult<String> again = post(requested, page);

        assertThat(outcome.getStatus().value()).isEqualTo(200);
        assertThat(outcome.getResponseBody()).contains("You declined the request",
                "Litware Consulting Ltd (PartnerID 1000001) is not partner of record");
        assertThat(again.getStatus().value()).isEqualTo(200);
        assertThat(again.getResponseBody()).contains("You declined the request");
        assertThat(get(requested).getResponseBody()).contains("You declined the request").doesNotContain("<form");
        assertThat(events(Topics.ASSOCIATIONS_EVENTS, requested.getMetadata().getClaimId(),
                e -> e instanceof AssociationDeclined, 1)).hasSize(1);
    }

    @Test
    void postWithoutThePagesTokenIsRefused() {
        AssociationRequested requested = awaiting(Approvals.approved("1000001", UUID.randomUUID(), "ONEDRIVE"),
                Instant.now().plus(Duration.ofDays(5)));

        web.post().uri("/decline/" + tokenOf(requested)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("confirm", "yes")).exchange()
                .expectStatus().isForbidden();

        assertThat(status(requested)).isEqualTo(AssociationStatus.AWAITING_CUSTOMER);
    }

    @Test
    void activeAssociationCanBeEnded() {
        AssociationRequested requested = awaiting(Approvals.approved("1000001", UUID.randomUUID(), "COPILOT"),
                Instant.now().plus(Duration.ofDays(5)));
        clock.setTo(Instant.now().plus(Duration.ofDays(6)));
        await().atMost(TIMEOUT).until(() -> status(requested) == AssociationStatus.ACTIVE);

        EntityExchangeResult<String> page = get(requested);
        assertThat(page.getResponseBody()).contains("End this partner of record association?",
                "The association has been official since", "End the association");
        EntityExchangeResult<String> outcome = post(requested, page);

        assertThat(outcome.getResponseBody()).contains("You ended the association");
        assertThat(status(requested)).isEqualTo(AssociationStatus.REMOVED);
    }

    @Test
    void unknownLinkIsNotFoundAndAWithdrawnRequestIsGone() {
        web.get().uri("/decline/" + "A".repeat(43)).exchange().expectStatus().isNotFound()
                .expectBody(String.class).value(body -> assertThat(body).contains("This link is not recognised"));
        web.get().uri("/decline/not-a-token").exchange().expectStatus().isNotFound();
        web.get().uri("/decline/%3Cscript%3E").exchange().expectStatus().is4xxClientError()
                .expectBody(String.class).value(body -> assertThat(String.valueOf(body)).doesNotContain("<script>"));

        UUID tenant = UUID.randomUUID();
        ClaimApproved approved = Approvals.approved("1000001", tenant, "PURVIEW");
        AssociationRequested requested = awaiting(approved, Instant.now().plus(Duration.ofDays(5)));
        topics().send(Topics.CLAIMS_SUBMITTED, approved.getMetadata().getClaimId().toString(),
                Approvals.withdrawn(approved.getMetadata().getClaimId(), "1000001", tenant));
        await().atMost(TIMEOUT).until(() -> status(requested) == AssociationStatus.WITHDRAWN);

        web.get().uri("/decline/" + tokenOf(requested)).exchange().expectStatus().isEqualTo(410)
                .expectBody(String.class).value(body -> assertThat(body).contains("This link no longer works",
                        "withdrew its request"));
    }

    @Test
    void hostileTextInTheClaimIsShownAsTextAndThePartnerIsNamedAsRegistered() {
        ClaimApproved honest = Approvals.approved("1000001", "Microsoft Security Team <img src=x>",
                UUID.randomUUID(), "en", "TEAMS");
        ClaimApproved approved = ClaimApproved.newBuilder(honest).setClaim(Claim.newBuilder(honest.getClaim())
                .setCustomer(Customer.newBuilder(honest.getClaim().getCustomer())
                        .setDomain("<script>alert('x')</script>").build()).build()).build();
        AssociationRequested requested = awaiting(approved, Instant.now().plus(Duration.ofDays(5)));

        String body = get(requested).getResponseBody();

        assertThat(body).doesNotContain("<script>", "<img", "Microsoft Security Team")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "Litware Consulting Ltd (PartnerID 1000001)");
    }

    @Test
    void pageSpeaksBrazilianPortugueseForPtBr() {
        AssociationRequested requested = awaiting(Approvals.approved("1000001", "Fabrikam", UUID.randomUUID(),
                "pt-BR", "TEAMS"), Instant.parse("2026-12-02T08:00:00Z"));

        String body = get(requested).getResponseBody();

        assertThat(body).contains("lang=\"pt-BR\"", "Recusar esta solicitação de parceiro de registro?",
                "Você pode recusar até quarta-feira, 2 de dezembro de 2026", "Recusar a solicitação");
    }

    private AssociationRequested awaiting(ClaimApproved approved, Instant declineBy) {
        // The deadline is a fixed date the page shows: the service's now is put well before it, whatever the day.
        clock.setTo(declineBy.minus(java.time.Duration.ofDays(10)));
        AssociationRequested requested = approve(approved);
        notify(requested, declineBy);
        await().atMost(TIMEOUT).until(() -> status(requested) == AssociationStatus.AWAITING_CUSTOMER);
        return requested;
    }

    private EntityExchangeResult<String> get(AssociationRequested requested) {
        return web.get().uri("/decline/" + tokenOf(requested)).accept(MediaType.TEXT_HTML).exchange()
                .expectBody(String.class).returnResult();
    }

    /** Confirms as the browser would: the page's form field, and the cookie the page set. */
    private EntityExchangeResult<String> post(AssociationRequested requested, EntityExchangeResult<String> page) {
        Matcher csrf = CSRF.matcher(page.getResponseBody());
        assertThat(csrf.find()).as("the form's CSRF field").isTrue();
        ResponseCookie cookie = page.getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(cookie).as("the CSRF cookie").isNotNull();
        return web.post().uri("/decline/" + tokenOf(requested)).cookie(cookie.getName(), cookie.getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", csrf.group(1))).exchange()
                .expectBody(String.class).returnResult();
    }

    private AssociationStatus status(AssociationRequested requested) {
        return associations.forLink(tokenOf(requested)).map(AssociationRequest::status).block(TIMEOUT);
    }
}
