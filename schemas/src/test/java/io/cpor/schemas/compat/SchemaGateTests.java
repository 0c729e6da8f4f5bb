package io.cpor.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpor.schemas.Topic;
import io.cpor.test.Reading;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compatibility gate: the build fails here when a contract schema breaks readers of released data. */
class SchemaGateTests {

    private static final Path RELEASED = Path.of("released");

    @Test
    void contractSchemasReadEveryReleasedVersion() {
        new ReleasedSchemas(RELEASED).check();
    }

    @Test
    void everyContractTopicHasAReleasedVersion() {
        for (Topic topic : Topic.values()) {
            assertThat(new ReleasedSchemas(RELEASED).versions(topic.valueSubject())).as(topic.valueSubject())
                    .isNotEmpty();
        }
    }

    @Test
    void refusesADeliberatelyIncompatiblePair(@TempDir Path released) throws IOException {
        Path subject = Files.createDirectories(released.resolve("readings-value"));
        Files.writeString(subject.resolve("v1.avsc"), resource("/compat/reading-v1.avsc").toString());

        List<String> violations = new ReleasedSchemas(released).violations("readings-value",
                resource("/compat/reading-v2-incompatible.avsc"));

        assertThat(violations).anyMatch(v -> v.startsWith("READER_FIELD_MISSING_DEFAULT_VALUE") && v.contains("site"));
        assertThat(violations).anyMatch(v -> v.startsWith("TYPE_MISMATCH") && v.contains("/fields/1/type"));
    }

    @Test
    void acceptsAFieldAddedWithADefault(@TempDir Path released) throws IOException {
        Path subject = Files.createDirectories(released.resolve("readings-value"));
        Files.writeString(subject.resolve("v1.avsc"), resource("/compat/reading-v1.avsc").toString());

        assertThat(new ReleasedSchemas(released).violations("readings-value", Reading.getClassSchema())).isEmpty();
    }

    @Test
    void failsTheBuildWhenAnEventIsDroppedFromATopic(@TempDir Path released) throws IOException {
        Path subject = Files.createDirectories(released.resolve(Topic.CLAIMS_OUTCOMES.valueSubject()));
        Schema current = Topic.CLAIMS_OUTCOMES.valueSchema();
        Schema withAnotherEvent = Schema.createUnion(append(current.getTypes(), Reading.getClassSchema()));
        Files.writeString(subject.resolve("v1.avsc"), withAnotherEvent.toString());

        assertThatThrownBy(() -> new ReleasedSchemas(released).check())
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("cpor.claims.outcomes-value")
                .hasMessageContaining("MISSING_UNION_BRANCH");
    }

    @Test
    void releasesOnlyChangedSchemasAsTheNextVersion(@TempDir Path released) {
        ReleasedSchemas schemas = new ReleasedSchemas(released);

        assertThat(schemas.release()).hasSize(Topic.values().length);
        assertThat(schemas.release()).isEmpty();
        assertThat(schemas.versions(Topic.CLAIMS_REVIEW.valueSubject())).containsExactly(
                Topic.CLAIMS_REVIEW.valueSchema());
    }

    @Test
    void checksTransitiveLevelsAgainstEveryEarlierVersion() throws IOException {
        Schema v1 = resource("/compat/reading-v1.avsc");
        Schema v2 = Reading.getClassSchema();
        Schema v3 = resource("/compat/reading-v2-incompatible.avsc");

        assertThat(CompatibilityLevel.BACKWARD.compatible(v2, List.of(v1))).isTrue();
        assertThat(CompatibilityLevel.FORWARD.compatible(v2, List.of(v1))).isTrue();
        assertThat(CompatibilityLevel.FULL.compatible(v2, List.of(v1))).isTrue();
        assertThat(CompatibilityLevel.BACKWARD.compatible(v3, List.of(v1, v2))).isFalse();
        assertThat(CompatibilityLevel.NONE.compatible(v3, List.of(v1, v2))).isTrue();
    }

    private static List<Schema> append(List<Schema> schemas, Schema extra) {
        List<Schema> all = new java.util.ArrayList<>(schemas);
        all.add(extra);
        return all;
    }

    private static Schema resource(String name) throws IOException {
        try (InputStream in = SchemaGateTests.class.getResourceAsStream(name)) {
            return new Schema.Parser().parse(in);
        }
    }
}
