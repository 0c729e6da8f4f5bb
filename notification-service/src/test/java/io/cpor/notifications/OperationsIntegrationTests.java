package io.cpor.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpor.local.testing.DemoTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** What operations see: the SMTP connection and the queue in health, the queue in metrics, and no API to reach. */
class OperationsIntegrationTests extends NotificationServiceTest {

    @Test
    void healthShowsAnOperatorTheSmtpConnectionAndTheQueueDepth() {
        web.get().uri("/actuator/health").header("Authorization", "Bearer " + operatorToken()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.mail.status").isEqualTo("UP")
                .jsonPath("$.components.mail.details.location").isEqualTo(PLATFORM.mailHost() + ":" + SMTP.port())
                .jsonPath("$.components.mailQueue.status").isEqualTo("UP")
                .jsonPath("$.components.mailQueue.details.queued").isNumber()
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP");
    }

    @Test
    void healthShowsAnyoneElseTheStatusOfEachPartButNoDetails() {
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.mail.status").isEqualTo("UP")
                .jsonPath("$.components.mail.details").doesNotExist()
                .jsonPath("$.components.mailQueue.details").doesNotExist();
        web.get().uri("/actuator/health").header("Authorization", "Bearer " + DemoTokens.of(PLATFORM,
                        "demo-partner-1")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.mail.details").doesNotExist();
    }

    @Test
    void metricsShowTheQueue() {
        web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("cpor_notifications_queue_depth", "cpor_notifications_queue_oldest_age_seconds"));
    }

    @Test
    void anythingButOperationsIsRefused() {
        web.get().uri("/api/v1/mails").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
