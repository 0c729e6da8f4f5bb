package io.cpor.support.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

class ProblemDetailsAdviceTests {

    private final WebTestClient client = WebTestClient.bindToController(new Failing())
            .controllerAdvice(new ProblemDetailsAdvice()).build();

    @Test
    void databaseOutageIsServiceUnavailableWithRetryAfter() {
        client.get().uri("/database-down").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Service unavailable")
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .contains("nothing was stored", "Idempotency-Key"));
    }

    @Test
    void databaseTimeoutIsServiceUnavailableToo() {
        client.get().uri("/database-slow").exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void anythingElseUnexpectedIsAnInternalErrorWithAReferenceAndNoStackTrace() {
        client.get().uri("/bug").exchange()
                .expectStatus().isEqualTo(500)
                .expectBody()
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .contains("quote reference").doesNotContain("IllegalStateException"));
    }

    @RestController
    static class Failing {

        @GetMapping("/database-down")
        Mono<String> databaseDown() {
            return Mono.error(new DataAccessResourceFailureException("Exception sending message"));
        }

        @GetMapping("/database-slow")
        Mono<String> databaseSlow() {
            return Mono.error(new QueryTimeoutException("Timed out after 30000 ms"));
        }

        @GetMapping("/bug")
        Mono<String> bug() {
            return Mono.error(new IllegalStateException("a bug"));
        }
    }
}
