package io.cpor.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.cpor.deploy.ConfigurationMetadata.Property;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each check of {@link ComposeChecks} finds the fault it is for, in a compose file written to have it. */
class ComposeChecksTests {

    private static final ConfigurationMetadata DECLARED = new ConfigurationMetadata(List.of(
            new Property("cpor.relay.sweep-interval", "java.time.Duration", "PT5S", null),
            new Property("spring.kafka.properties", "java.util.Map<java.lang.String,java.lang.String>", null, null),
            new Property("spring.profiles.active", "java.util.List<java.lang.String>", null, null)));

    private final Repository repository = Repository.current();

    @Test
    void refusesAFileThatIsNotAMapping() {
        assertThatIllegalArgumentException().isThrownBy(() -> ComposeFile.parse("- just\n- a list\n"));
    }

    @Test
    void findsAServiceBuiltFromNoModule() {
        assertThat(checks("""
                services:
                  claim-service:
                    build: {context: ., dockerfile: docker/Dockerfile}
                """).servicesNotBuiltFromTheirModule()).singleElement().asString().contains("not <module>/Dockerfile");
        assertThat(checks("""
                services:
                  claim-service:
                    build: {context: ., dockerfile: schemas/Dockerfile}
                """).servicesNotBuiltFromTheirModule()).singleElement().asString().contains("does not exist");
    }

    @Test
    void findsAModuleWithADockerfileThatDoesNotRun() {
        assertThat(checks("""
                services:
                  claim-service:
                    build: {context: ., dockerfile: claim-service/Dockerfile}
                """).serviceModulesNotDeployed()).contains(
                        "association-service has a Dockerfile but no service of the compose file builds it");
    }

    @Test
    void findsAnEnvironmentVariableThatBindsToNothing() {
        assertThat(checks("""
                services:
                  claim-service:
                    build: {context: ., dockerfile: claim-service/Dockerfile}
                    environment:
                      CPOR_RELAY_SWEEP_INTERVAL: PT1S
                      CPOR_RELAY_SWEEPINTERVAL: PT1S
                      SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_URL: http://registry:8081
                      SPRING_PROFILES_ACTIVE: prod
                      CPOR_RELAY_SWEEP_INTERVALS: PT1S
                """).unboundEnvironmentVariables()).containsExactly(
                        "claim-service: CPOR_RELAY_SWEEP_INTERVALS binds to no property claim-service declares");
        assertThat(checks("""
                services:
                  claim-service:
                    build: {context: ., dockerfile: claim-service/Dockerfile}
                    environment: [SPRING_PROFILE_ACTIVE=prod]
                """).unboundEnvironmentVariables()).hasSize(1);
    }

    @Test
    void findsAServiceWithoutHealthCheck() {
        assertThat(checks("""
                services:
                  mailpit:
                    image: axllent/mailpit:v1.31.2
                  mongo:
                    image: mongo:8.0.17
                    healthcheck: {test: ["CMD", "mongosh", "--eval", "1"], disable: true}
                  claim-service:
                    build: {context: ., dockerfile: claim-service/Dockerfile}
                """).servicesWithoutHealthCheck()).containsExactly("mailpit has no health check",
                        "mongo has no health check");
    }

    @Test
    void findsAnImageWithoutAnExactVersion() {
        assertThat(checks("""
                services:
                  a: {image: mongo}
                  b: {image: "mongo:latest"}
                  c: {image: "mongo:8.0"}
                  d: {image: "registry.example:5000/mongo"}
                  e: {image: "mongo:${MONGO_TAG}"}
                  f: {image: "registry.example:5000/mongo:8.0.17"}
                  g: {image: "mongo@sha256:0123456789abcdef"}
                """).unpinnedImages()).hasSize(5).allMatch(violation -> violation.matches("[a-e]: .*"));
        assertThat(ComposeChecks.baseImages("""
                FROM eclipse-temurin:17.0.17_10-jdk AS build
                FROM build AS test
                FROM eclipse-temurin:17-jre
                """)).containsExactly("eclipse-temurin:17.0.17_10-jdk", "eclipse-temurin:17-jre")
                .filteredOn(image -> !ComposeChecks.isPinned(image)).containsExactly("eclipse-temurin:17-jre");
    }

    @Test
    void findsAProjectServiceThatCannotScale() {
        assertThat(checks("""
                services:
                  claim-service:
                    build: {context: ., dockerfile: claim-service/Dockerfile}
                    container_name: claims
                    ports: ["8080:8080", "8000-8009:8080", "8080", "127.0.0.1:9090:9090", {target: 80, published: 81}]
                  gateway:
                    image: nginx:1.29.8-alpine
                    ports: ["8080:8080"]
                  demo-identity:
                    profiles: [demo]
                    build: {context: ., dockerfile: local/Dockerfile}
                    ports: ["127.0.0.1:9000:9000"]
                """).projectServicesThatCannotScale()).containsExactly(
                        "claim-service has a container_name: a second replica cannot have it too",
                        "claim-service publishes host port 8080:8080: a second replica cannot bind it too",
                        "claim-service publishes host port 127.0.0.1:9090:9090: a second replica cannot bind it too",
                        "claim-service publishes host port {target=80, published=81}: a second replica cannot bind it "
                                + "too");
    }

    private ComposeChecks checks(String yaml) {
        return new ComposeChecks(ComposeFile.parse(yaml), repository, module -> DECLARED);
    }
}
