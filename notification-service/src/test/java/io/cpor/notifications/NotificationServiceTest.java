package io.cpor.notifications;

import static org.awaitility.Awaitility.await;

import io.cpor.local.Endpoints;
import io.cpor.local.testing.Mailbox;
import io.cpor.local.testing.MutableClock;
import io.cpor.local.testing.SharedPlatform;
import io.cpor.local.testing.TcpProxy;
import io.cpor.local.testing.TopicProbe;
import io.cpor.notifications.domain.MailStore;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * notification-service against the shared embedded platform: real Kafka, the MongoDB-wire server and the platform's
 * SMTP server, reached through a proxy a test can cut (an SMTP outage); mails are read back over IMAP. The clock can
 * be set, and the mail store can be made to fail once after a send (a crash between the two).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "cpor.relay.sweep-interval=PT1S", "cpor.notification.send-interval=PT0.2S", "cpor.notification.lease=PT3S",
    "cpor.notification.max-retry-delay=PT2S",
    "logging.level.kafka=WARN", "logging.level.org.apache.kafka=WARN", "logging.level.state.change.logger=WARN",
    "logging.level.org.apache.catalina=WARN", "logging.level.com.icegreen=WARN",
    "logging.level.de.bwaldvogel=WARN", "logging.level.org.mongodb.driver=WARN"})
@AutoConfigureWebTestClient
@Import(NotificationServiceTest.Doubles.class)
public abstract class NotificationServiceTest {

    protected static final Endpoints PLATFORM = SharedPlatform.endpoints();
    protected static final TcpProxy SMTP = new TcpProxy(PLATFORM.mailHost(), PLATFORM.smtpPort());
    protected static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);
    /** The paths customers opened on the stand-in decline page. */
    protected static final Queue<String> DECLINE_REQUESTS = new ConcurrentLinkedQueue<>();
    /** A stand-in for association-service's decline page: the base URL every decline link must start with. */
    private static final HttpServer DECLINE_PAGE = declinePage();

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected CrashingMailStore store;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PLATFORM.serviceProperties("notifications").forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.mail.port", SMTP::port);
        registry.add("cpor.notification.decline-base-url", NotificationServiceTest::declineBaseUrl);
    }

    /** A token of the operator client: health details are shown to it. */
    protected static String operatorToken() {
        return io.cpor.local.testing.DemoTokens.of(PLATFORM, "demo-operator");
    }

    /** Where the stand-in decline page answers; every decline link a test sends starts with it. */
    protected static String declineBaseUrl() {
        return "http://127.0.0.1:" + DECLINE_PAGE.getAddress().getPort() + "/";
    }

    /** A decline link of the stand-in page, as association-service writes them. */
    protected static String declineUrl(String token) {
        return declineBaseUrl() + "decline/" + token + "?lang=en&source=mail";
    }

    private static HttpServer declinePage() {
        try {
            HttpServer page = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            page.createContext("/decline/", exchange -> {
                DECLINE_REQUESTS.add(exchange.getRequestURI().toString());
                byte[] body = "<h1>Decline the association?</h1>".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            page.start();
            return page;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void backToNormal() {
        SMTP.restore();
        clock.reset();
    }

    protected static TopicProbe topics() {
        return new TopicProbe(PLATFORM);
    }

    /** The mails of an address once {@code count} have arrived (failing after a while if they do not). */
    protected static List<Mailbox.Mail> awaitMails(String address, int count) {
        Mailbox mailbox = Mailbox.of(PLATFORM, address);
        return await().atMost(MAIL_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(mailbox::mails, mails -> mails.size() >= count);
    }

    protected static List<Mailbox.Mail> mails(String address) {
        return Mailbox.of(PLATFORM, address).mails();
    }

    /** The movable clock and the store that can fail after a send, in place of the real ones. */
    @TestConfiguration
    static class Doubles {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }

        @Bean
        @Primary
        CrashingMailStore crashingMailStore(@Qualifier("mongoMailStore") MailStore mongo) {
            return new CrashingMailStore(mongo);
        }
    }
}
