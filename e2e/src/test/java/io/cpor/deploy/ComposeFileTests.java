package io.cpor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The repository's docker-compose.yml holds to {@link ComposeChecks}: it parses, builds each service from its
 * module's Dockerfile, sets only environment variables the service binds, checks every service's health, pins every
 * image, and lets the project's services scale. Needs the services packaged (their jars carry the metadata).
 */
class ComposeFileTests {

    private final Repository repository = Repository.current();
    private final ComposeFile compose = ComposeFile.parse(repository.read("docker-compose.yml"));
    private final ComposeChecks checks = new ComposeChecks(compose, repository,
            module -> PackagedMetadata.of(repository, module));

    @Test
    void parsesAndRunsTheServicesWithThePlatformTheyNeed() {
        assertThat(compose.services()).containsKeys("claim-service", "validation-service", "notification-service",
                "association-service", "schema-registry", "mailpit", "kafka-1", "kafka-2", "kafka-3", "mongo-1",
                "gateway", "demo-identity");
    }

    @Test
    void buildsEachServiceFromItsModulesDockerfile() {
        assertThat(checks.servicesNotBuiltFromTheirModule()).isEmpty();
    }

    @Test
    void deploysEveryModuleThatHasADockerfile() {
        assertThat(checks.serviceModulesNotDeployed()).isEmpty();
    }

    @Test
    void everyEnvironmentVariableBindsToADeclaredProperty() {
        assertThat(checks.unboundEnvironmentVariables()).isEmpty();
    }

    @Test
    void everyServiceHasAHealthCheck() {
        assertThat(checks.servicesWithoutHealthCheck()).isEmpty();
    }

    @Test
    void everyImageIsPinnedToAnExactVersion() {
        assertThat(checks.unpinnedImages()).isEmpty();
    }

    @Test
    void everyProjectServiceCanBeScaledOut() {
        assertThat(checks.projectServicesThatCannotScale()).isEmpty();
    }
}
