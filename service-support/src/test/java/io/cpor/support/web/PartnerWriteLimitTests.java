package io.cpor.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpor.local.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

class PartnerWriteLimitTests {

    private final MutableClock clock = new MutableClock();
    private final PartnerWriteLimit limit = new PartnerWriteLimit(3, Duration.ofMinutes(1), clock);

    @Test
    void answersABurstBeyondTheLimitWith429AndWhenToTryAgain() {
        for (int i = 0; i < 3; i++) {
            assertThat(post("1000001").getResponse().getStatusCode()).as("write %d", i + 1).isNull();
        }
        clock.setTo(clock.instant().plusSeconds(20));

        MockServerWebExchange refused = post("1000001");

        assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("40");
        assertThat(refused.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getResponse().getBodyAsString().block()).contains("\"status\":429",
                "too-many-requests", "At most 3 changes per partner");
    }

    @Test
    void countsEachPartnerApartAndOnlyChangesUnderTheApi() {
        for (int i = 0; i < 3; i++) {
            post("1000001");
        }

        assertThat(post("1000002").getResponse().getStatusCode()).isNull();
        assertThat(exchange(MockServerHttpRequest.get("/api/v1/claims"), "1000001").getResponse().getStatusCode())
                .isNull();
        assertThat(exchange(MockServerHttpRequest.post("/decline/token"), "1000001").getResponse()
                .getStatusCode()).isNull();
        assertThat(post("1000001").getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void letsThePartnerWriteAgainOnceThePeriodIsOver() {
        for (int i = 0; i < 4; i++) {
            post("1000001");
        }

        clock.setTo(clock.instant().plus(Duration.ofMinutes(1)));

        assertThat(post("1000001").getResponse().getStatusCode()).isNull();
    }

    private MockServerWebExchange post(String partnerId) {
        return exchange(MockServerHttpRequest.post("/api/v1/claims"), partnerId);
    }

    /** Runs the filter; the response status stays unset when the request went on down the chain. */
    private MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request, String partnerId) {
        Jwt token = Jwt.withTokenValue("t").header("alg", "none").claim("partner_id", partnerId)
                .issuedAt(Instant.EPOCH).expiresAt(Instant.MAX).build();
        MockServerWebExchange exchange = MockServerWebExchange.builder(request.build())
                .principal(new JwtAuthenticationToken(token)).build();
        limit.filter(exchange, passed -> Mono.empty()).block();
        return exchange;
    }
}
