package io.cpor.local.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** How a test JVM chooses where Kafka and MongoDB run. */
class PlatformModeTests {

    private static final Supplier<DockerProbe.Result> DOCKER = () -> new DockerProbe.Result(true, "");
    private static final Supplier<DockerProbe.Result> NO_DOCKER =
            () -> new DockerProbe.Result(false, "no Docker engine is configured");
    private static final Supplier<DockerProbe.Result> NOT_ASKED = () -> {
        throw new AssertionError("Docker was looked for although the choice did not depend on it");
    };

    @Test
    void runsEmbeddedWithoutDocker() {
        assertThat(PlatformMode.select(null, NO_DOCKER)).isEqualTo(PlatformMode.EMBEDDED);
        assertThat(PlatformMode.select("auto", NO_DOCKER)).isEqualTo(PlatformMode.EMBEDDED);
    }

    @Test
    void runsContainersWhereDockerAnswers() {
        assertThat(PlatformMode.select("", DOCKER)).isEqualTo(PlatformMode.CONTAINERS);
        assertThat(PlatformMode.select(" Auto ", DOCKER)).isEqualTo(PlatformMode.CONTAINERS);
    }

    @Test
    void runsEmbeddedWhenAskedWithoutLookingForDocker() {
        assertThat(PlatformMode.select("embedded", NOT_ASKED)).isEqualTo(PlatformMode.EMBEDDED);
    }

    @Test
    void runsContainersWhenAskedAndDockerAnswers() {
        assertThat(PlatformMode.select("containers", DOCKER)).isEqualTo(PlatformMode.CONTAINERS);
    }

    @Test
    void refusesContainersWithoutDockerSayingWhyAndWhatToDo() {
        assertThatIllegalStateException().isThrownBy(() -> PlatformMode.select("containers", NO_DOCKER))
                .withMessageContaining("no Docker engine is configured")
                .withMessageContaining("-Dcpor.platform=embedded");
    }

    @Test
    void refusesAnUnknownMode() {
        assertThatIllegalArgumentException().isThrownBy(() -> PlatformMode.select("kubernetes", NOT_ASKED))
                .withMessageContaining("embedded, containers or auto");
    }
}
