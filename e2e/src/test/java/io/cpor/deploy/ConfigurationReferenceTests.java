package io.cpor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration reference is the one the metadata gives. When a property changes, the test fails and
 * prints the fresh table; {@code -Dcpor.readme.update=true} writes it into the README instead.
 */
class ConfigurationReferenceTests {

    private final Repository repository = Repository.current();

    @Test
    void readmeListsEveryPropertyAsTheMetadataDeclaresIt() throws IOException {
        String readme = repository.read("README.md");
        String table = ConfigurationReference.table(repository, module -> PackagedMetadata.of(repository, module));
        if (Boolean.getBoolean("cpor.readme.update")) {
            Files.writeString(repository.resolve("README.md"), ConfigurationReference.withSection(readme, table));
            return;
        }
        assertThat(ConfigurationReference.section(readme))
                .as("README.md's configuration reference; the fresh table follows (or run this test with "
                        + "-Dcpor.readme.update=true):%n%s", table)
                .isEqualTo(table);
    }

    @Test
    void documentsEveryPropertyWithItsVariable() {
        String table = ConfigurationReference.table(repository, module -> PackagedMetadata.of(repository, module));

        assertThat(table).contains("| `cpor.kafka.topics.replication-factor` | `CPOR_KAFKA_TOPICS_REPLICATION_FACTOR` "
                + "| `1` | `3` | all but portal |");
        assertThat(table).contains("| `cpor.mongodb.uri` | `CPOR_MONGODB_URI` |  | required | all but portal |");
        assertThat(table).contains("| `cpor.portal.client-secret` | `CPOR_PORTAL_CLIENT_SECRET` |");
        assertThat(table.lines().skip(2)).allSatisfy(row -> assertThat(row).as("a property without description")
                .doesNotEndWith("|  |"));
    }
}
