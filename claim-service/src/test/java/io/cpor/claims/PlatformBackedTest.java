package io.cpor.claims;

import io.cpor.local.Endpoints;
import io.cpor.local.testing.ApiContractFilter;
import io.cpor.local.testing.DemoTokens;
import io.cpor.local.testing.SharedPlatform;
import io.cpor.local.testing.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * claim-service running against the shared embedded platform: real broker, MongoDB-wire server, registry and
 * issuer. One Spring context serves every test class that extends this.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "cpor.relay.sweep-interval=PT1S",
    "logging.level.kafka=WARN", "logging.level.org.apache.kafka=WARN", "logging.level.state.change.logger=WARN",
    "logging.level.org.apache.catalina=WARN", "logging.level.com.icegreen=WARN",
    "logging.level.de.bwaldvogel=WARN", "logging.level.org.mongodb.driver=WARN"})
@AutoConfigureWebTestClient
@Import(PlatformBackedTest.ApiContractCheck.class)
public abstract class PlatformBackedTest {

    @Autowired
    protected WebTestClient web;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        Endpoints platform = SharedPlatform.endpoints();
        platform.serviceProperties("claims").forEach((name, value) -> registry.add(name, () -> value));
    }

    protected static Endpoints platform() {
        return SharedPlatform.endpoints();
    }

    protected static TopicProbe topics() {
        return new TopicProbe(platform());
    }

    protected static String token(String client) {
        return DemoTokens.of(platform(), client);
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
