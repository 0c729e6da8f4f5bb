package io.cpor.local.testing;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Where the test platform's Kafka and MongoDB run: embedded in the test JVM, or in containers (real Kafka and
 * MongoDB images through Testcontainers) while the registry, issuer, mail and tenant directory stay embedded.
 * <p>
 * Chosen by {@code cpor.platform} (system property, else environment variable {@code CPOR_PLATFORM}):
 * {@code embedded}, {@code containers} (fails without a Docker engine), or {@code auto}, the default: containers where
 * a Docker engine answers, embedded elsewhere (as on CI here).
 */
public enum PlatformMode {

    EMBEDDED, CONTAINERS;

    public static final String PROPERTY = "cpor.platform";

    /** The mode this test JVM asks for. */
    public static PlatformMode fromEnvironment() {
        String requested = System.getProperty(PROPERTY);
        return select(requested != null ? requested : System.getenv("CPOR_PLATFORM"), DockerProbe::check);
    }

    /**
     * The mode {@code requested} (null or blank: {@code auto}); {@code docker} is asked only when the choice
     * depends on it.
     */
    static PlatformMode select(String requested, Supplier<DockerProbe.Result> docker) {
        String mode = requested == null || requested.isBlank() ? "auto" : requested.strip().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "embedded":
                return EMBEDDED;
            case "auto":
                return docker.get().available() ? CONTAINERS : EMBEDDED;
            case "containers":
                DockerProbe.Result found = docker.get();
                if (!found.available()) {
                    throw new IllegalStateException(PROPERTY + "=containers runs Kafka and MongoDB in containers, "
                            + "but " + found.reason() + ". Start a Docker engine, or run with -D" + PROPERTY
                            + "=embedded (or auto).");
                }
                return CONTAINERS;
            default:
                throw new IllegalArgumentException(PROPERTY + " is embedded, containers or auto, not '" + requested
                        + "'");
        }
    }
}
