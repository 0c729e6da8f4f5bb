package io.cpor.associations;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpor.events.EventMetadata;
import io.cpor.events.associations.AssociationRequested;
import io.cpor.events.outcomes.ClaimApproved;
import io.cpor.local.Endpoints;
import io.cpor.local.testing.ApiContractFilter;
import io.cpor.local.testing.DemoTokens;
import io.cpor.local.testing.MutableClock;
import io.cpor.local.testing.SharedPlatform;
import io.cpor.local.testing.TopicProbe;
import io.cpor.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * association-service against the shared embedded platform, its clock movable. Each test class gets its own
 * service, closed after it, so no other instance fires timers or consumes meanwhile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "cpor.relay.sweep-interval=PT1S", "cpor.associations.timer-interval=PT0.2S", "cpor.decline-window=PT1H",
    "logging.level.kafka=WARN", "logging.level.org.apache.kafka=WARN", "logging.level.state.change.logger=WARN",
    "logging.level.org.apache.catalina=WARN", "logging.level.com.icegreen=WARN",
    "logging.level.de.bwaldvogel=WARN", "logging.level.org.mongodb.driver=WARN",
    "logging.level.org.openqa.selenium=ERROR"})
@AutoConfigureWebTestClient
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import({AssociationServiceTest.TestClock.class, AssociationServiceTest.ApiContractCheck.class})
public abstract class AssociationServiceTest {

    protected static final Endpoints PLATFORM = SharedPlatform.endpoints();
    protected static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PLATFORM.serviceProperties("associations").forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    protected static TopicProbe topics() {
        return new TopicProbe(PLATFORM);
    }

    protected static String token(String client) {
        return DemoTokens.of(PLATFORM, client);
    }

    /** Approves the claim and answers the AssociationRequested that follows. */
    protected static AssociationRequested approve(ClaimApproved approved) {
        topics().send(Topics.CLAIMS_OUTCOMES, approved.getMetadata().getClaimId().toString(), approved);
        return (AssociationRequested) only(Topics.ASSOCIATIONS_REQUESTS, approved.getMetadata().getClaimId()).value();
    }

    /** Tells the service the customer was notified now, with the given deadline. */
    protected void notify(AssociationRequested requested, Instant declineBy) {
        Instant sentAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var notified = Approvals.notified(requested.getMetadata().getClaimId(), requested.getRequestId(),
                requested.getCustomer().getTenantId(), requested.getMetadata().getEventId(), sentAt, declineBy);
        topics().send(Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED, requested.getCustomer().getTenantId().toString(),
                notified);
    }

    /** The one record of a claim on a topic (failing if none or more arrive). */
    protected static ConsumerRecord<String, Object> only(String topic, UUID claimId) {
        List<ConsumerRecord<String, Object>> found = events(topic, claimId, record -> true, 1);
        assertThat(found).as("records of claim %s on %s", claimId, topic).hasSize(1);
        return found.get(0);
    }

    /** The records of a claim on a topic that match, once {@code expected} arrived and a second passed quietly. */
    protected static List<ConsumerRecord<String, Object>> events(String topic, UUID claimId,
            Predicate<Object> wanted, int expected) {
        return topics().read(topic, record -> record.value() instanceof SpecificRecord event
                && event.get(0) instanceof EventMetadata metadata && claimId.equals(metadata.getClaimId())
                && wanted.test(record.value()), expected, Duration.ofSeconds(1), TIMEOUT);
    }

    /** The token of a decline link. */
    protected static String tokenOf(AssociationRequested requested) {
        String url = requested.getDeclineUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The movable clock, in place of the system's. */
    @TestConfiguration
    static class TestClock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    /** Every answer to an {@code /api} call in these tests is held to the service's published document. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ApiContractCheck {

        @Bean
        WebTestClientBuilderCustomizer apiContract() {
            return builder -> builder.filter(new ApiContractFilter());
        }
    }
}
