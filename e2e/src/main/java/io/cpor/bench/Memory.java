package io.cpor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Resident set sizes of the stack's processes, from {@code /proc}: now (VmRSS) and the peak so far (VmHWM). */
final class Memory {

    private final Path run;

    Memory(Path run) {
        this.run = run;
    }

    /** MiB resident now, per process the launcher recorded (platform, each service instance). */
    Map<String, Long> resident() {
        return read("VmRSS:");
    }

    /** MiB at the highest resident size each process reached. */
    Map<String, Long> peak() {
        return read("VmHWM:");
    }

    private Map<String, Long> read(String field) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(run)) {
            files.filter(file -> file.getFileName().toString().endsWith(".pid")
                            && !file.getFileName().toString().equals("launcher.pid")).sorted()
                    .forEach(file -> {
                        String name = file.getFileName().toString().replace(".pid", "");
                        kib(file, field).ifPresent(kib -> sizes.put(name, kib / 1024));
                    });
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sizes;
    }

    private static OptionalLong kib(Path pidFile, String field) {
        try {
            String pid = Files.readString(pidFile).trim();
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith(field)) {
                    return OptionalLong.of(Long.parseLong(line.substring(field.length()).replace("kB", "").trim()));
                }
            }
            return OptionalLong.empty();
        }
        catch (IOException | NumberFormatException gone) {
            return OptionalLong.empty();
        }
    }
}
