package io.cpor.notifications.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cpor.events.associations.AssociationRequested;
import io.cpor.events.notifications.CustomerNotified;
import io.cpor.local.testing.Mailbox;
import io.cpor.notifications.Events;
import io.cpor.notifications.NotificationServiceTest;
import io.cpor.notifications.domain.OutgoingMail;
import io.cpor.schemas.EventIds;
import io.cpor.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What reaches the mailboxes when the SMTP server or the service itself fails. */
class DeliveryIntegrationTests extends NotificationServiceTest {

    @Test
    void everyMailQueuedDuringAnSmtpOutageArrivesOnceItEnds() {
        SMTP.cut();
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String customer = Events.address("customer");
            customers.add(customer);
            AssociationRequested requested = Events.requested(customer, "en", declineUrl("outage-" + i))
                    .build();
            topics().send(Topics.ASSOCIATIONS_REQUESTS, requested.getCustomer().getTenantId().toString(), requested);
        }

        // Kafka consumption goes on; the mails wait in the queue, and the service stays ready.
        await().atMost(Duration.ofSeconds(20)).until(() -> queued() >= 5);
        await().atMost(Duration.ofSeconds(20)).until(() -> retries() > 0);
        JsonNode health = health();
        assertThat(health.path("components").path("mail").path("status").asText()).isEqualTo("DOWN");
        assertThat(health.path("components").path("mailQueue").path("details").path("oldestWaitingSeconds")
                .isNumber()).isTrue();
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        assertThat(customers).allSatisfy(customer -> assertThat(mails(customer)).isEmpty());

        SMTP.restore();

        assertThat(customers).allSatisfy(customer -> assertThat(awaitMails(customer, 1)).hasSize(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> queued() == 0);
        assertThat(customers).allSatisfy(customer -> assertThat(mails(customer)).hasSize(1));
    }

    @Test
    void aCrashBetweenSendAndRecordResendsTheMailWithTheSameMessageId() {
        String customer = Events.address("customer");
        AssociationRequested requested = Events.requested(customer, "en", declineUrl("crash"))
                .build();
        store.crashAfterNextSend();

        topics().send(Topics.ASSOCIATIONS_REQUESTS, requested.getCustomer().getTenantId().toString(), requested);

        // The first send's record is lost; when its lease ends the worker takes the mail again and sends it again.
        List<Mailbox.Mail> mails = awaitMails(customer, 2);
        String expected = OutgoingMail.messageIdOf(EventIds.derive(requested.getMetadata().getEventId(),
                "mail:CUSTOMER_ASSOCIATION_REQUEST"));
        assertThat(mails).extracting(Mailbox.Mail::messageId).containsExactly(expected, expected);
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8)).until(() -> mails(customer).size() == 2);
        List<CustomerNotified> notified = topics().read(Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED, record -> record
                        .value() instanceof CustomerNotified event && event.getRequestId()
                        .equals(requested.getRequestId()), 1, Duration.ofSeconds(2), Duration.ofSeconds(20)).stream()
                .map(record -> (CustomerNotified) record.value()).toList();
        assertThat(notified).singleElement().extracting(CustomerNotified::getMessageId).isEqualTo(expected);
    }

    @Test
    void partnerMailsSentTogetherAreRecordedTogetherAndGoOutOnce() {
        SMTP.cut();
        List<String> partners = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String partner = Events.address("partner");
            partners.add(partner);
            var activated = Events.activated(partner, "Batch " + i);
            topics().send(Topics.ASSOCIATIONS_EVENTS, activated.getTenantId().toString(), activated);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> queued() >= 5);

        SMTP.restore();

        assertThat(partners).allSatisfy(partner -> assertThat(awaitMails(partner, 1)).hasSize(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> queued() == 0);
        // Unrecorded, each would be taken again once its lease (3 s here) ends, and sent again.
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8)).until(() -> partners.stream()
                .allMatch(partner -> mails(partner).size() == 1));
    }

    @Test
    void aCrashBeforePartnerMailsAreRecordedResendsThemWithTheSameMessageId() {
        String partner = Events.address("partner");
        var activated = Events.activated(partner, "Crash");
        store.crashAfterNextSend();

        topics().send(Topics.ASSOCIATIONS_EVENTS, activated.getTenantId().toString(), activated);

        List<Mailbox.Mail> mails = awaitMails(partner, 2);
        assertThat(mails).extracting(Mailbox.Mail::messageId).doesNotContainNull().containsOnly(mails.get(0)
                .messageId());
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8)).until(() -> mails(partner).size() == 2);
    }

    private long queued() {
        return health().path("components").path("mailQueue").path("details").path("queued").asLong(-1);
    }

    private double retries() {
        JsonNode metric = web.get().uri("/actuator/metrics/cpor.notifications.mails.attempts?tag=outcome:RETRY")
                .exchange().returnResult(JsonNode.class).getResponseBody().blockFirst();
        return metric == null ? 0 : metric.path("measurements").path(0).path("value").asDouble(0);
    }

    private JsonNode health() {
        return web.get().uri("/actuator/health").header("Authorization", "Bearer " + operatorToken()).exchange()
                .returnResult(JsonNode.class).getResponseBody()
                .blockFirst();
    }
}
