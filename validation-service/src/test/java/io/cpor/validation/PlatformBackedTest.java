package io.cpor.validation;

import io.cpor.local.Endpoints;
import io.cpor.local.testing.ApiContractFilter;
import io.cpor.local.testing.DemoTokens;
import io.cpor.local.testing.MutableClock;
import io.cpor.local.testing.SharedPlatform;
import io.cpor.local.testing.TopicProbe;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * validation-service against the shared embedded platform, its tenant directory behind a switchable proxy and its
 * clock movable, so outages and deadlines can be staged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "cpor.relay.sweep-interval=PT1S", "cpor.validation.timer-interval=PT1S",
    "logging.level.kafka=WARN", "logging.level.org.apache.kafka=WARN", "logging.level.state.change.logger=WARN",
    "logging.level.org.apache.catalina=WARN", "logging.level.com.icegreen=WARN",
    "logging.level.de.bwaldvogel=WARN", "logging.level.org.mongodb.driver=WARN"})
@AutoConfigureWebTestClient
@Import({PlatformBackedTest.TestClock.class, PlatformBackedTest.ApiContractCheck.class})
public abstract class PlatformBackedTest {

    protected static final FlakyDirectory DIRECTORY = new FlakyDirectory(
            SharedPlatform.endpoints().tenantDirectoryUrl());
    protected static final FlakyDirectory SUBSCRIPTIONS = new FlakyDirectory(
            SharedPlatform.endpoints().subscriptionDirectoryUrl());

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        Endpoints platform = SharedPlatform.endpoints();
        platform.serviceProperties("validations").forEach((name, value) -> registry.add(name, () -> value));
        registry.add("cpor.tenant-directory.base-url", DIRECTORY::url);
        registry.add("cpor.tenant-directory.cache-ttl", () -> "PT1S");
        registry.add("cpor.subscriptions.base-url", SUBSCRIPTIONS::url);
    }

    protected static TopicProbe topics() {
        return new TopicProbe(SharedPlatform.endpoints());
    }

    protected static String token(String client) {
        return DemoTokens.of(SharedPlatform.endpoints(), client);
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
