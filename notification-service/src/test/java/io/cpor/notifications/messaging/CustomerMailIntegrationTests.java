package io.cpor.notifications.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.cpor.events.associations.AssociationRequested;
import io.cpor.events.claims.Customer;
import io.cpor.events.claims.CustomerContact;
import io.cpor.events.claims.PartnerContact;
import io.cpor.events.notifications.CustomerNotified;
import io.cpor.local.testing.Mailbox;
import io.cpor.notifications.Events;
import io.cpor.notifications.NotificationServiceTest;
import io.cpor.schemas.Topics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The customer's association request mail: what it says, in which language, and the event that follows it. */
class CustomerMailIntegrationTests extends NotificationServiceTest {

    /** Friday 20 November 2026, 18:30 in Redmond: the deadline skips the weekend and Thanksgiving (26th, 27th). */
    private static final Instant FRIDAY_EVENING = Instant.parse("2026-11-21T02:30:00Z");
    private static final Instant FIVE_FULL_BUSINESS_DAYS_LATER = Instant.parse("2026-12-02T08:00:00Z");

    private static HttpServer declinePage;
    private static final Queue<String> declineRequests = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void startDeclinePage() throws IOException {
        declinePage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        declinePage.createContext("/decline/", exchange -> {
            declineRequests.add(exchange.getRequestURI().toString());
            byte[] body = "<h1>Decline the association?</h1>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        declinePage.start();
    }

    @AfterAll
    static void stopDeclinePage() {
        declinePage.stop(0);
    }

    @Test
    void customerMailNamesThePartnerTheWorkloadsTheDeadlineAndALinkThatWorks() throws Exception {
        clock.setTo(FRIDAY_EVENING);
        String customer = Events.address("customer");
        String token = "k3Yq9-Zt_Wd0aE8rXb2nLm4p";
        AssociationRequested requested = Events.requested(customer, "en", declineUrl(token)).build();

        topics().send(Topics.ASSOCIATIONS_REQUESTS, requested.getCustomer().getTenantId().toString(), requested);

        Mailbox.Mail mail = awaitMails(customer, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Partner 1000001 asks to be the partner of record of your organization");
        assertThat(mail.from()).isEqualTo("Microsoft Partner Center <noreply@cpor.example>");
        assertThat(mail.to()).isEqualTo("Ana Souza <" + customer + ">");
        assertThat(mail.contentType()).startsWith("multipart/alternative");
        assertThat(mail.text()).contains("Hello Ana Souza,",
                "Fabrikam Consulting (PartnerID 1000001) asks Microsoft to record it as the partner of record",
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
        assertThat(declineRequests).contains("/decline/" + token + "?lang=en&source=mail");

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
        assertThat(mail.subject()).isEqualTo("O parceiro 1000001 pede para ser o parceiro de registro da sua organização");
        assertThat(mail.text()).contains("Olá Ana Souza,",
                "Fabrikam Consulting (PartnerID 1000001) pede à Microsoft que o registre como parceiro de registro",
                "passa a ver dados de uso desses produtos", "Você pode recusar até quarta-feira, 2 de dezembro de 2026",
                declineUrl("pt-token"));
        assertThat(mail.html()).contains("lang=\"pt-BR\"", "Recusar esta solicitação");
        assertThat(link(mail.html())).isEqualTo(declineUrl("pt-token"));
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
        AssociationRequested requested = hostile.setCustomer(named).setPartnerId("1000001\r\nSubject: free money")
                .setPartnerContact(PartnerContact.newBuilder(hostile.getPartnerContact())
                        .setName("<script>alert('owned')</script>").build()).build();

        topics().send(Topics.ASSOCIATIONS_REQUESTS, requested.getCustomer().getTenantId().toString(), requested);

        Mailbox.Mail mail = awaitMails(customer, 1).get(0);
        assertThat(mail.html()).doesNotContain("<script>", "<img").contains("&lt;script&gt;alert(&#39;owned&#39;)",
                "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(mail.text()).contains("<script>alert('owned')</script>");
        assertThat(mail.header("Bcc")).isEmpty();
        assertThat(mail.header("X-Injected")).isEmpty();
        assertThat(mail.header("Subject")).hasSize(1);
        assertThat(mail.subject()).isEqualTo("Partner 1000001  Subject: free money asks to be the partner of record"
                + " of your organization");
        assertThat(mail.to()).isEqualTo("\"Ana  Bcc: " + attacker + "  X-Injected: yes\" <" + customer + ">");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> mails(attacker).isEmpty());
    }

    private static String declineUrl(String token) {
        return "http://127.0.0.1:" + declinePage.getAddress().getPort() + "/decline/" + token
                + "?lang=en&source=mail";
    }

    /** The decline button's address as a mail client reads it from the HTML. */
    private static String link(String html) {
        Matcher href = Pattern.compile("<a href=\"([^\"]+)\"").matcher(html);
        assertThat(href.find()).as("a link in %s", html).isTrue();
        return href.group(1).replace("&amp;", "&");
    }
}
