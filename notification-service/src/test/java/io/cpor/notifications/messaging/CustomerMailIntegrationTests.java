package io.cpor.notifications.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cpor.events.associations.AssociationRequested;
import io.cpor.events.claims.Customer;
import io.cpor.events.claims.CustomerContact;
import io.cpor.events.claims.PartnerContact;
import io.cpor.events.notifications.CustomerNotified;
import io.cpor.local.testing.Mailbox;
import io.cpor.notifications.Events;
import io.cpor.notifications.NotificationServiceTest;
import io.cpor.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The customer's association request mail: what it says, in which language, and the event that follows it. */
class CustomerMailIntegrationTests extends NotificationServiceTest {

    /** Friday 20 November 2026, 18:30 in Redmond: the deadline skips the weekend and Thanksgiving (26th, 27th). */
    private static final Instant FRIDAY_EVENING = Instant.parse("2026-11-21T02:30:00Z");
    private static final Instant FIVE_FULL_BUSINESS_DAYS_LATER = Instant.parse("2026-12-02T08:00:00Z");

    @Test
    void customerMailNamesThePartnerTheWorkloadsTheDeadlineAndALinkThatWorks() throws Exception {
        clock.setTo(FRIDAY_EVENING);
        String customer = Events.address("customer");
        String token = "k3Yq9-Zt_Wd0aE8rXb2nLm4p";
        AssociationRequested requested = Events.requested(customer, "en", declineUrl(token)).build();

        topics().send(Topics.ASSOCIATIONS_REQUESTS, requested.getCustomer().getTenantId().toString(), requested);

        Mailbox.Mail mail = awaitMails(customer, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Litware Consulting Ltd (PartnerID 1000001) asks to be the partner of record"
                + " of your organization");
        assertThat(mail.from()).isEqualTo("Microsoft Partner Center <noreply@cpor.example>");
        assertThat(mail.to()).isEqualTo("Ana Souza <" + customer + ">");
        assertThat(mail.contentType()).startsWith("multipart/alternative");
        assertThat(mail.text()).contains("Hello Ana Souza,",
                "Litware Consulting Ltd (PartnerID 1000001) asks Microsoft to record it as the partner of record",
                "  - Microsoft Teams", "  - Exchange Online",
                "tenant " + requested.getCustomer().getTenantId() + " (contoso.onmicrosoft.com)",
                "Incentive program: Online Services Usage, Microsoft 365",
                "visibility into your organization's usage data for these products",
                "You may decline until Wednesday, December 2, 2026", declineUrl(token));
        // The JDK's locale data decides the separators around the time ("2026, 12:00 AM" on 17, "at" later).
        assertThat(mail.text().replace('\u202f', ' ')).containsPattern("December 2, 2026,? (at )?12:00 AM "
                + "\\(Pacific Standard Time\\)\\.");
        assertThat(mail.html()).contains("<li>Microsoft Teams</li>", "December 2, 2026");

        String link = link(mail.html());
        assertThat(link).isEqualTo(declineUrl(token));
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(DECLINE_REQUESTS).contains("/decline/" + token + "?lang=en&source=mail");

        // Sent, the mail keeps no copy of the customer's link (its token): only the customer has it.
        await().atMost(MAIL_TIMEOUT).untilAsserted(() -> assertThat(storedModel(requested)).isNotNull()
                .doesNotContainKey("declineUrl").containsKey("partnerName"));

        ConsumerRecord<String, Object> notified = topics().read(Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED,
                record -> record.value() instanceof CustomerNotified event
                        && event.getRequestId().equals(requested.getRequestId()), 1, Duration.ZERO,
                Duration.ofSeconds(20)).get(0);
        CustomerNotified event = (CustomerNotified) notified.value();
        assertThat(notified.key()).isEqualTo(requested.getCustomer().getTenantId().toString());
        assertThat(event.getDeclineBy()).isEqualTo(FIVE_FULL_BUSINESS_DAYS_LATER);
        assertThat(event.getSentAt()).isBetween(FRIDAY_EVENING, FRIDAY_EVENING.plus(MAIL_TIMEOUT));
        assertThat(event.getMessageId()).isEqualTo(mail.messageId());
        assertThat(event.getTenantId()).isEqualTo(requested.getCustomer().getTenantId());
        assertThat(event.getPartnerId()).isEqualTo("1000001");
        assertThat(event.getMetadata().getCausationId()).isEqualTo(requested.getMetadata().getEventId());
        assertThat(event.getMetadata().getClaimId()).isEqualTo(requested.getMetadata().getClaimId());
    }

    @Test
    void customerMailIsInBrazilianPortugueseForPtBr() {
        clock.setTo(FRIDAY_EVENING);
        String customer = Events.address("cliente");
        AssociationRequested requested = Events.requested(customer, "pt-BR", declineUrl("pt-token")).build();

        topics().send(Topics.ASSOCIATIONS_REQUESTS, requested.getCustomer().getTenantId().toString(), requested);

        Mailbox.Mail mail = awaitMails(customer, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Litware Consulting Ltd (PartnerID 1000001) pede para ser o parceiro de "
                + "registro da sua organização");
        assertThat(mail.text()).contains("Olá Ana Souza,",
                "Litware Consulting Ltd (PartnerID 1000001) pede à Microsoft que o registre como parceiro de registro",
                "passa a ver dados de uso desses produtos", "Você pode recusar até quarta-feira, 2 de dezembro de 2026",
                declineUrl("pt-token"));
        assertThat(mail.html()).contains("lang=\"pt-BR\"", "Recusar esta solicitação");
        assertThat(link(mail.html())).isEqualTo(declineUrl("pt-token"));
    }

    @Test
    void theCustomerIsToldInTheirLanguageWhenThePartnerEndsTheAssociationWithoutThePartnersWords() {
        String customer = Events.address("cliente");
        var ended = Events.disassociated(customer, "pt-BR", "Click https://evil.example to keep your licences");

        topics().send(Topics.ASSOCIATIONS_EVENTS, ended.getTenantId().toString(), ended);

        Mailbox.Mail mail = awaitMails(customer, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Litware Consulting Ltd (PartnerID 1000001) não é mais o parceiro de "
                + "registro da sua organização");
        assertThat(mail.text()).contains("Olá Ana Souza,", "encerrou a associação", "locatário "
                + ended.getTenantId(), "Microsoft Teams").doesNotContain("evil.example", "Claimed by Contoso IT");
    }

    @Test
    void sameEventDeliveredTwiceSendsOneMail() {
        String customer = Events.address("customer");
        AssociationRequested requested = Events.requested(customer, "en", declineUrl("twice")).build();
        AssociationRequested marker = Events.requested(customer, "en", declineUrl("marker")).build();

        topics().send(Topics.ASSOCIATIONS_REQUESTS, requested.getCustomer().getTenantId().toString(), requested);
        topics().send(Topics.ASSOCIATIONS_REQUESTS, requested.getCustomer().getTenantId().toString(), requested);
        // Sent after the copy on the same partition: once its mail is there, the copy has been consumed.
        topics().send(Topics.ASSOCIATIONS_REQUESTS, requested.getCustomer().getTenantId().toString(), marker);

        List<Mailbox.Mail> mails = awaitMails(customer, 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mails(customer).size() == 2);
        assertThat(mails).extracting(Mailbox.Mail::text).anyMatch(text -> text.contains(declineUrl("twice")))
                .anyMatch(text -> text.contains(declineUrl("marker")));
        assertThat(topics().read(Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED, record -> record.value()
                instanceof CustomerNotified event && event.getRequestId().equals(requested.getRequestId()), 1,
                Duration.ofSeconds(2), Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void hostileNamesShowAsTextAndCannotAddHeadersOrRecipients() {
        String customer = Events.address("customer");
        String attacker = Events.address("attacker");
        AssociationRequested.Builder hostile = Events.requested(customer, "en", declineUrl("hostile"));
        Customer named = Customer.newBuilder(hostile.getCustomer()).setDomain("\"><img src=x onerror=alert(1)>")
                .setContact(CustomerContact.newBuilder(hostile.getCustomer().getContact())
                        .setName("Ana\r\nBcc: " + attacker + "\r\nX-Injected: yes").build()).build();
        AssociationRequested requested = hostile.setCustomer(named)
                .setPartnerContact(PartnerContact.newBuilder(hostile.getPartnerContact())
                        .setName("<script>alert('owned')</script> Microsoft Security Team").build()).build();

        topics().send(Topics.ASSOCIATIONS_REQUESTS, requested.getCustomer().getTenantId().toString(), requested);

        Mailbox.Mail mail = awaitMails(customer, 1).get(0);
        assertThat(mail.html()).doesNotContain("<script>", "<img").contains(
                "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        // The partner is named as registered, whatever its claim calls it.
        assertThat(mail.html() + mail.text() + mail.subject()).doesNotContain("alert('owned')", "alert(&#39;owned",
                "Microsoft Security Team");
        assertThat(mail.header("Bcc")).isEmpty();
        assertThat(mail.header("X-Injected")).isEmpty();
        assertThat(mail.header("Subject")).hasSize(1);
        assertThat(mail.subject()).isEqualTo("Litware Consulting Ltd (PartnerID 1000001) asks to be the partner of "
                + "record of your organization");
        assertThat(mail.to()).isEqualTo("\"Ana  Bcc: " + attacker + "  X-Injected: yes\" <" + customer + ">");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> mails(attacker).isEmpty());
    }

    @Test
    void aRequestOfAPartnerNobodyRegisteredOrWithALinkElsewhereIsDeadLetteredAndMailsNobody() {
        String customer = Events.address("customer");
        AssociationRequested unregistered = Events.requested(customer, "en", declineUrl("unregistered"))
                .setPartnerId("1000001\r\nSubject: free money").build();
        AssociationRequested phishing = Events.requested(customer, "en",
                "https://cpor-decline.example/decline/phishing").build();

        topics().send(Topics.ASSOCIATIONS_REQUESTS, unregistered.getCustomer().getTenantId().toString(), unregistered);
        topics().send(Topics.ASSOCIATIONS_REQUESTS, phishing.getCustomer().getTenantId().toString(), phishing);

        List<String> keys = List.of(unregistered.getCustomer().getTenantId().toString(),
                phishing.getCustomer().getTenantId().toString());
        var dead = topics().readBytes(Topics.ASSOCIATIONS_REQUESTS + Topics.DEAD_LETTER_SUFFIX,
                record -> keys.contains(record.key()), 2, Duration.ZERO, MAIL_TIMEOUT);
        assertThat(dead).extracting(record -> new String(record.headers().lastHeader(
                org.springframework.kafka.support.KafkaHeaders.DLT_EXCEPTION_MESSAGE).value(),
                java.nio.charset.StandardCharsets.UTF_8)).anyMatch(message -> message.contains(
                        "which the partner directory does not know")).anyMatch(message -> message.contains(
                                "would send the customer elsewhere"));
        assertThat(mails(customer)).isEmpty();
    }

    /** The model of the mail an association request queued, as stored, once it is sent; null before. */
    private static org.bson.Document storedModel(AssociationRequested requested) {
        try (com.mongodb.reactivestreams.client.MongoClient mongo = com.mongodb.reactivestreams.client.MongoClients
                .create(PLATFORM.mongoUri("notifications"))) {
            org.bson.Document mail = reactor.core.publisher.Mono.from(mongo.getDatabase("notifications")
                    .getCollection("mails").find(new org.bson.Document("sourceEventId",
                            requested.getMetadata().getEventId().toString())).first()).block(MAIL_TIMEOUT);
            return mail == null || !"SENT".equals(mail.getString("status")) ? null
                    : mail.get("model", org.bson.Document.class);
        }
    }

    /** The decline button's address as a mail client reads it from the HTML. */
    private static String link(String html) {
        Matcher href = Pattern.compile("<a href=\"([^\"]+)\"").matcher(html);
        assertThat(href.find()).as("a link in %s", html).isTrue();
        return href.group(1).replace("&amp;", "&");
    }
}
