package io.cpor.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** A configuration file's setting without a default must be given, or the service does not start. */
class RequiredSettingsTests {

    private final StandardEnvironment environment = new StandardEnvironment();

    @Test
    void refusesToStartNamingTheEnvironmentVariableOfEachMissingSetting() {
        configFile(Map.of("spring.mongodb.uri", "${cpor.mongodb.uri}",
                "spring.mail.password", "${cpor.mail.password}"));

        assertThatIllegalStateException().isThrownBy(this::check)
                .withMessageContaining("cpor.mongodb.uri (environment variable CPOR_MONGODB_URI)")
                .withMessageContaining("cpor.mail.password (environment variable CPOR_MAIL_PASSWORD)")
                .withMessageContaining("spring.mongodb.uri");
    }

    @Test
    void startsWhenTheSettingIsGiven() {
        configFile(Map.of("spring.mongodb.uri", "${cpor.mongodb.uri}"));
        given(Map.of("cpor.mongodb.uri", "mongodb://mongo-1,mongo-2/claims?replicaSet=rs0"));

        check();

        assertThat(environment.getProperty("spring.mongodb.uri"))
                .isEqualTo("mongodb://mongo-1,mongo-2/claims?replicaSet=rs0");
    }

    @Test
    void ignoresAPlaceholderWhosePropertyIsSetElsewhere() {
        configFile(Map.of("spring.mongodb.uri", "${cpor.mongodb.uri}"));
        given(Map.of("spring.mongodb.uri", "mongodb://elsewhere/claims"));

        check();
    }

    @Test
    void acceptsPlaceholdersWithDefaults() {
        configFile(Map.of("cpor.associations.public-base-url", "${cpor.public-base-url:http://localhost:8084}"));

        check();
    }

    @Test
    void spellsSettingsTheWayRelaxedBindingReadsTheEnvironment() {
        assertThat(RequiredSettings.environmentVariable("cpor.jwt.jwk-set-uri")).isEqualTo("CPOR_JWT_JWK_SET_URI");
    }

    private void configFile(Map<String, Object> values) {
        environment.getPropertySources().addLast(new OriginTrackedMapPropertySource(
                "Config resource 'class path resource [application-prod.yml]'", values));
    }

    private void given(Map<String, Object> values) {
        environment.getPropertySources().addFirst(new MapPropertySource("given", values));
    }

    private void check() {
        new RequiredSettings().postProcessEnvironment(environment, new SpringApplication());
    }
}
