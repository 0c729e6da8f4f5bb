package io.cpor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What each service runs with under the prod profile (its application.yml, then application-prod.yml over it): nothing
 * of the local platform, whose issuer hands out tokens to demo clients, no secret with a default, and no setting the
 * service's configuration metadata does not declare (Spring would ignore a misspelt one without a word).
 */
class ProdProfileTests {

    private final Repository repository = Repository.current();

    @Test
    void pointsAtNothingOfTheLocalPlatform() {
        for (String module : repository.serviceModules()) {
            assertThat(prodSettings(module)).as(module + " under the prod profile")
                    .allSatisfy((name, value) -> assertThat(value).as(name)
                            .doesNotContain("127.0.0.1").doesNotContain("localhost"));
        }
    }

    @Test
    void trustsOnlyTheIssuerTheEnvironmentNames() {
        for (String module : repository.serviceModules()) {
            Map<String, String> settings = prodSettings(module);
            if (settings.containsKey("spring.security.oauth2.resourceserver.jwt.issuer-uri")) {
                assertThat(settings).as(module).containsEntry("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                        "${cpor.jwt.issuer-uri}").containsEntry("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                        "${cpor.jwt.jwk-set-uri}");
            }
        }
    }

    @Test
    void takesSecretsOnlyFromTheEnvironmentWithoutDefaults() {
        for (String module : repository.serviceModules()) {
            Map<String, String> settings = prodSettings(module);
            if (file(module, "application.yml").containsKey("spring.mongodb.uri")) {
                assertThat(settings).as(module + " stores data").containsKey("spring.mongodb.uri");
            }
            assertThat(settings).as(module + " under the prod profile")
                    .allSatisfy((name, value) -> {
                        if (name.equals("spring.mongodb.uri") || name.endsWith("password") || name.endsWith("secret")) {
                            assertThat(value).as(name).matches("\\$\\{cpor\\.[a-z.-]+}");
                        }
                    });
        }
    }

    @Test
    void setsOnlyPropertiesTheServiceDeclares() {
        for (String module : repository.serviceModules()) {
            ConfigurationMetadata declared = PackagedMetadata.of(repository, module);
            assertThat(prodSettings(module).keySet()).as(module + "'s application.yml and application-prod.yml")
                    .filteredOn(name -> !declared.declares(name)).isEmpty();
        }
    }

    private Map<String, String> prodSettings(String module) {
        Map<String, String> settings = new LinkedHashMap<>(file(module, "application.yml"));
        settings.putAll(file(module, "application-prod.yml"));
        return settings;
    }

    private Map<String, String> file(String module, String name) {
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(repository.read(module + "/src/main/resources/" + name));
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", yaml, flat);
        return flat;
    }

    private static void flatten(String prefix, Object yaml, Map<String, String> flat) {
        if (yaml instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value,
                    flat));
        }
        else if (yaml != null) {
            flat.put(prefix, String.valueOf(yaml));
        }
    }
}
