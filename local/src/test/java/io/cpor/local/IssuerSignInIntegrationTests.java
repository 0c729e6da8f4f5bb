package io.cpor.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpor.local.issuer.Issuer;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People signing in at the local issuer, as the portal makes them do: the authorization code grant with PKCE, the
 * form login of the demo people, and tokens that carry each person's PartnerID and only their role's scopes.
 */
class IssuerSignInIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"");
    /** A loopback redirect URI matches whatever its port (RFC 8252): the portal's port is not the issuer's business. */
    private static final String REDIRECT = "http://127.0.0.1:18886/login/oauth2/code/cpor";
    private static final String ALL_SCOPES = "openid profile cpor.claims cpor.claims.read cpor.review";

    @TempDir
    static Path data;
    private static Issuer issuer;

    @BeforeAll
    static void start() {
        issuer = Issuer.start("127.0.0.1", Ports.free().issuer(), data);
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void aViewersTokensCarryItsPartnerAndOnlyTheReadScopeWhateverThePortalAskedFor() throws Exception {
        Browser browser = new Browser();
        String verifier = "verifier-" + "x".repeat(50);

        URI callback = browser.signIn("viewer@partner1.example", "demo-password", authorize(challenge(verifier)));
        String code = query(callback).get("code");
        JsonNode tokens = browser.token(code, verifier);

        JsonNode access = claims(tokens.path("access_token").asText());
        assertThat(access.path("partner_id").asText()).isEqualTo("1000001");
        assertThat(access.path("scope").toString()).isEqualTo("[\"cpor.claims.read\"]");
        assertThat(access.path("aud").toString()).contains("api://cpor");
        assertThat(access.path("sub").asText()).isEqualTo("viewer@partner1.example");
        JsonNode id = claims(tokens.path("id_token").asText());
        assertThat(id.path("name").asText()).isEqualTo("Vera Viewer");
        assertThat(id.path("cpor_scopes").toString()).isEqualTo("[\"cpor.claims.read\"]");
        assertThat(id.path("partner_id").asText()).isEqualTo("1000001");
    }

    @Test
    void aValidatorsTokenHasTheReviewScopeAndNoPartner() throws Exception {
        Browser browser = new Browser();
        String verifier = "another-verifier-" + "y".repeat(40);

        URI callback = browser.signIn("validator@microsoft.example", "demo-password", authorize(challenge(verifier)));
        JsonNode access = claims(browser.token(query(callback).get("code"), verifier).path("access_token").asText());

        assertThat(access.path("scope").toString()).isEqualTo("[\"cpor.review\"]");
        assertThat(access.has("partner_id")).isFalse();
    }

    @Test
    void signingOutOfThePortalEndsTheSessionHereAndSendsTheBrowserBackToThePortalOnItsOwnPort() throws Exception {
        Browser browser = new Browser();
        String verifier = "logout-verifier-" + "q".repeat(40);
        String idToken = browser.idTokenOf("admin@partner1.example", verifier);
        URI silently = browser.visit(authorize(challenge(verifier)));
        assertThat(silently.toString()).as("signed in: straight back with a code").startsWith(REDIRECT + "?code=");

        URI back = browser.visit(issuer.issuerUrl() + "/connect/logout?" + form(Map.of("id_token_hint", idToken,
                "post_logout_redirect_uri", "http://127.0.0.1:18886/signed-out", "state", "s")));

        assertThat(back.toString()).isEqualTo("http://127.0.0.1:18886/signed-out?state=s");
        assertThat(browser.visit(authorize(challenge(verifier))).getPath()).as("asked to sign in again")
                .isEqualTo("/login");
    }

    @Test
    void signingOutSendsTheBrowserNowhereButThePortal() throws Exception {
        Browser browser = new Browser();
        String idToken = browser.idTokenOf("admin@partner1.example", "logout-verifier-" + "p".repeat(40));

        HttpResponse<String> refused = browser.get(URI.create(issuer.issuerUrl() + "/connect/logout?" + form(Map.of(
                "id_token_hint", idToken, "post_logout_redirect_uri", "https://elsewhere.example/signed-out"))));

        assertThat(refused.statusCode()).isEqualTo(400);
    }

    @Test
    void anAuthorizationRequestWithoutACodeChallengeIsRefused() throws Exception {
        URI answer = new Browser().visit(authorize(null));

        assertThat(answer.toString()).startsWith(REDIRECT + "?");
        assertThat(query(answer)).containsEntry("error", "invalid_request").doesNotContainKey("code");
    }

    @Test
    void aCodeIsNotExchangedWithoutTheVerifierThatMatchesItsChallenge() throws Exception {
        Browser browser = new Browser();
        URI callback = browser.signIn("admin@partner1.example", "demo-password",
                authorize(challenge("the-right-verifier-" + "z".repeat(40))));

        HttpResponse<String> refused = browser.exchange(query(callback).get("code"), "a-wrong-verifier-" + "w".repeat(40));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_grant");
    }

    @Test
    void aWrongPasswordSignsNobodyIn() throws Exception {
        Browser browser = new Browser();
        URI answer = browser.signIn("admin@partner1.example", "not-the-password", authorize(challenge("v".repeat(50))));

        assertThat(answer.getPath()).isEqualTo("/login");
        assertThat(answer.getQuery()).isEqualTo("error");
    }

    private static String authorize(String challenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", "cpor-portal");
        query.put("scope", ALL_SCOPES);
        query.put("state", "state-1");
        query.put("redirect_uri", REDIRECT);
        if (challenge != null) {
            query.put("code_challenge", challenge);
            query.put("code_challenge_method", "S256");
        }
        return issuer.issuerUrl() + "/oauth2/authorize?" + form(query);
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(entry -> entry.getKey() + "="
                + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                values.put(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? ""
                        : java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** A browser's part of the flow: cookies kept, redirects followed by hand, pages asked for as HTML. */
    private static final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        /** Goes to the authorization URL, signs in on the form, and answers where the issuer sends the browser last. */
        URI signIn(String username, String password, String authorizationUrl) throws Exception {
            URI next = location(get(URI.create(authorizationUrl)));
            assertThat(next.getPath()).isEqualTo("/login");
            Matcher csrf = CSRF.matcher(get(next).body());
            assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(issuer.issuerUrl() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                            "_csrf", csrf.group(1)))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            URI after = location(signedIn);
            while (after.toString().startsWith(issuer.issuerUrl() + "/oauth2/authorize")) {
                after = location(get(after));
            }
            return after;
        }

        /** Signs this person in as the portal does and answers the ID token the issuer gave for them. */
        String idTokenOf(String username, String verifier) throws Exception {
            URI callback = signIn(username, "demo-password", authorize(challenge(verifier)));
            return token(query(callback).get("code"), verifier).path("id_token").asText();
        }

        /** Where the issuer sends a browser that asks for this page. */
        URI visit(String url) throws Exception {
            return location(get(URI.create(url)));
        }

        JsonNode token(String code, String verifier) throws Exception {
            HttpResponse<String> answer = exchange(code, verifier);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return JSON.readTree(answer.body());
        }

        HttpResponse<String> exchange(String code, String verifier) throws Exception {
            String basic = Base64.getEncoder().encodeToString("cpor-portal:demo-secret".getBytes(StandardCharsets.UTF_8));
            return http.send(HttpRequest.newBuilder(URI.create(issuer.tokenUrl()))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                            "code", code, "redirect_uri", REDIRECT, "code_verifier", verifier))))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(URI uri) throws Exception {
            return http.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static URI location(HttpResponse<String> answer) {
            assertThat(answer.statusCode()).as("a redirect from " + answer.uri()).isBetween(300, 399);
            return answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow());
        }
    }
}
