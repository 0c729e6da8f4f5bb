package io.cpor.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issuer and tenant directory of the compose file's demo profile: tokens name the issuer by the address the
 * services reach it at, whatever address the client asked.
 */
class DemoIdentityIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;
    private static Ports ports;
    private static DemoIdentity identity;

    @BeforeAll
    static void start() throws Exception {
        ports = Ports.free();
        identity = DemoIdentity.start("127.0.0.1", ports.issuer(), ports.tenantDirectory(),
                ports.partnerDirectory(), ports.subscriptionDirectory(), data, "http://demo-identity:" + ports.issuer());
    }

    @AfterAll
    static void stop() {
        identity.close();
    }

    @Test
    void issuesTokensInTheNameTheServicesKnowItBy() throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString("demo-partner-1:demo-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + ports.issuer() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=cpor.claims")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        String token = JSON.readTree(answer.body()).path("access_token").asText();
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.path("iss").asText()).isEqualTo("http://demo-identity:" + ports.issuer());
        assertThat(claims.path("partner_id").asText()).isEqualTo("1000001");
    }

    @Test
    void answersForTheDemoTenants() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + ports.tenantDirectory() + "/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("2f6b1c3e-8d4a-4b7e-9a51-6c0d3e2f1a01");
    }
}
