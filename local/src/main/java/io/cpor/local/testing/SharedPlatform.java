package io.cpor.local.testing;

import io.cpor.local.Endpoints;
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
 * deleted when the JVM exits. Surefire runs a module's test classes in one JVM, so they share it.
 */
public final class SharedPlatform {

    private static LocalPlatform platform;

    private SharedPlatform() {
    }

    public static synchronized Endpoints endpoints() {
        return platform().endpoints();
    }

    public static synchronized LocalPlatform platform() {
        if (platform == null) {
            Path data = temporaryDirectory();
            platform = LocalPlatform.start(PlatformSettings.onFreePorts(data));
            LocalPlatform started = platform;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                deleteRecursively(data);
            }, "shared-platform-shutdown"));
        }
        return platform;
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
