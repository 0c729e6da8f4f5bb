package io.cpor.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;

import io.cpor.local.Ports;
import io.cpor.local.issuer.Issuer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The portal's own boundary, against the local issuer: sign-in starts with a PKCE challenge, forms need their CSRF
 * token, a viewer's forced change is refused before any API is called, and every page forbids script.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"logging.level.org.apache.catalina=WARN",
            // Operations on the pages' port here, so one mock client reaches both.
            "management.server.port=",
            // The issuer's Tomcat is on the test classpath; the portal's operations port stays on Netty.
            "spring.autoconfigure.exclude=org.springframework.boot.tomcat.autoconfigure.actuate.web.server."
                    + "TomcatReactiveManagementContextAutoConfiguration"})
@AutoConfigureWebTestClient
class PortalSecurityIntegrationTests {

    private static final Issuer ISSUER = startIssuer();

    private WebTestClient web;

    @Autowired
    private org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository registrations;

    @Autowired
    void client(WebTestClient client) {
        // As a browser on this machine asks for it (under localhost it would be sent to 127.0.0.1 first).
        web = client.mutate().baseUrl("http://127.0.0.1:8086").build();
    }

    private static Issuer startIssuer() {
        try {
            return Issuer.start("127.0.0.1", Ports.free().issuer(), Files.createTempDirectory("portal-issuer"));
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.provider.cpor.issuer-uri", ISSUER::issuerUrl);
        // No API answers here: a call that reached one would fail the test with a 503 page.
        registry.add("cpor.portal.claims-api", () -> "http://127.0.0.1:9");
        registry.add("cpor.portal.reviews-api", () -> "http://127.0.0.1:9");
        registry.add("cpor.portal.associations-api", () -> "http://127.0.0.1:9");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void aPageAskedForWithoutASessionStartsSignInAtTheIssuerWithACodeChallenge() {
        URI signIn = web.get().uri("/claims").exchange().expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(signIn.getPath()).isEqualTo("/oauth2/authorization/cpor");

        URI authorize = web.get().uri(signIn.getPath()).exchange().expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation();

        assertThat(authorize.toString()).startsWith(ISSUER.issuerUrl() + "/oauth2/authorize?");
        var query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams();
        assertThat(query.getFirst("client_id")).isEqualTo("cpor-portal");
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(query.getFirst("code_challenge")).hasSize(43);
        assertThat(query.getFirst("response_type")).isEqualTo("code");
    }

    @Test
    void everyPageForbidsScriptFramingAndFormsToOtherSites() {
        web.get().uri("/signed-out").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; script-src 'none'; "
                        + "style-src 'self'; img-src 'self'; form-action 'self' " + ISSUER.issuerUrl()
                        + "; frame-ancestors 'none'; base-uri 'none'")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        web.mutateWith(mockOidcLogin().idToken(token -> token.claim("partner_id", "1000001")
                        .claim("cpor_scopes", List.of("cpor.claims"))))
                .post().uri("/claims/" + UUID.randomUUID() + "/withdraw").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void aViewerForcingAChangeIsRefusedBeforeAnyApiIsCalled() {
        WebTestClient viewer = web.mutateWith(mockOidcLogin().idToken(token -> token.claim("partner_id", "1000001")
                .claim("cpor_scopes", List.of("cpor.claims.read")))).mutateWith(csrf());

        for (String path : List.of("/claims/" + UUID.randomUUID() + "/withdraw",
                "/claims/" + UUID.randomUUID() + "/information", "/claims")) {
            viewer.post().uri(path).exchange().expectStatus().isForbidden()
                    .expectBody(String.class).value(page -> assertThat(page).contains("Your role may not do this."));
        }
        viewer.get().uri("/claims/new").exchange().expectStatus().isForbidden();
        viewer.get().uri("/reviews").exchange().expectStatus().isForbidden();
    }

    @Test
    void signingOutSignsOutAtTheIssuerTooWhichSendsTheBrowserBackToTheSignedOutPage() {
        var portal = registrations.findByRegistrationId("cpor").block();
        URI logout = web.mutateWith(mockOidcLogin().clientRegistration(portal)).mutateWith(csrf()).post().uri("/logout")
                .exchange()
                .expectStatus().is3xxRedirection().returnResult(Void.class).getResponseHeaders().getLocation();

        assertThat(logout.toString()).startsWith(ISSUER.issuerUrl() + "/connect/logout?");
        var query = UriComponentsBuilder.fromUri(logout).build().getQueryParams();
        assertThat(query.getFirst("post_logout_redirect_uri")).isEqualTo("http://127.0.0.1:8086/signed-out");
        assertThat(query.getFirst("id_token_hint")).isNotBlank();
    }

    @Test
    void anApiThatDoesNotAnswerMakesAPageThatSaysSo() {
        web.mutateWith(mockOidcLogin().idToken(token -> token.claim("partner_id", "1000001")
                        .claim("cpor_scopes", List.of("cpor.claims"))))
                .get().uri("/claims").exchange().expectStatus().isEqualTo(503)
                .expectBody(String.class).value(page -> assertThat(page)
                        .contains("A service is not available right now.").contains("The claims API did not answer"));
    }

    @Test
    void aValidatorIsNotShownAPartnersClaims() {
        web.mutateWith(mockOidcLogin().idToken(token -> token.claim("cpor_scopes", List.of("cpor.review"))))
                .get().uri("/claims").exchange().expectStatus().isForbidden();
    }

    @Test
    void thePortalAskedForAsLocalhostSendsTheBrowserToTheLoopbackAddress() {
        web.get().uri("http://localhost:8086/claims?status=APPROVED").exchange()
                .expectStatus().isTemporaryRedirect()
                .expectHeader().location("http://127.0.0.1:8086/claims?status=APPROVED");
        web.get().uri("http://localhost:8086/actuator/health/readiness").exchange().expectStatus().isOk();
    }
}
