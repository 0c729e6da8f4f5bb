package io.cpor.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** What operations see: the SMTP connection and the queue in health, the queue in metrics, and no API to reach. */
class OperationsIntegrationTests extends NotificationServiceTest {

    @Test
    void healthShowsTheSmtpConnectionAndTheQueueDepth() {
        web.get().uri("/actuator/health").exchange()
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
