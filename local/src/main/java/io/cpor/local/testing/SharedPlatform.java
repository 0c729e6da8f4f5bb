package io.cpor.local.testing;

import io.cpor.local.Endpoints;
import io.cpor.local.ExternalServices;
import io.cpor.local.LocalPlatform;
import io.cpor.local.PlatformSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One platform per JVM, started on first use on free ports with its state in a temporary directory, stopped and
 * deleted when the JVM exits. Surefire runs a module's test classes in one JVM, so they share it. Its Kafka and
 * MongoDB are embedded or run in containers, as {@link PlatformMode} chooses (embedded where there is no Docker).
 */
public final class SharedPlatform {

    private static LocalPlatform platform;
    private static ContainerServices containers;

    private SharedPlatform() {
    }

    public static synchronized Endpoints endpoints() {
        return platform().endpoints();
    }

    public static synchronized LocalPlatform platform() {
        if (platform == null) {
            PlatformMode mode = PlatformMode.fromEnvironment();
            Path data = temporaryDirectory();
            ExternalServices external = ExternalServices.NONE;
            if (mode == PlatformMode.CONTAINERS) {
                containers = ContainerServices.start();
                external = containers.external();
            }
            platform = LocalPlatform.start(PlatformSettings.onFreePorts(data), external);
            LocalPlatform started = platform;
            ContainerServices running = containers;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                if (running != null) {
                    running.close();
                }
                deleteRecursively(data);
            }, "shared-platform-shutdown"));
        }
        return platform;
    }

    /** Where this JVM's Kafka and MongoDB run; starts the platform if it is not running yet. */
    public static synchronized PlatformMode mode() {
        platform();
        return containers == null ? PlatformMode.EMBEDDED : PlatformMode.CONTAINERS;
    }

    /**
     * Takes the broker away (fault tests): the embedded one stops, a container is paused. Either way it comes back
     * on the same address with its records by {@link #startKafka()}.
     */
    public static synchronized void stopKafka() {
        platform();
        if (containers != null) {
            containers.pauseKafka();
        }
        else {
            platform.stopKafka();
        }
    }

    public static synchronized void startKafka() {
        platform();
        if (containers != null) {
            containers.unpauseKafka();
        }
        else {
            platform.startKafka();
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("cpor-platform-");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            // best effort: it is a temporary directory
        }
    }
}
