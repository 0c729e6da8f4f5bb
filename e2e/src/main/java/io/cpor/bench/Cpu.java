package io.cpor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of the stack's processes and of the benchmark itself (the load generator and the validator tool), from
 * {@code /proc/<pid>/stat}: user plus system time, in seconds.
 */
final class Cpu {

    /** Linux counts CPU time in ticks of 1/100 s ({@code getconf CLK_TCK}). */
    private static final double TICKS_PER_SECOND = 100;

    private final Path run;

    Cpu(Path run) {
        this.run = run;
    }

    /** CPU seconds used so far, per process the launcher recorded, and {@code bench} for this one. */
    Map<String, Double> used() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(run)) {
            files.filter(file -> file.getFileName().toString().endsWith(".pid")
                            && !file.getFileName().toString().equals("launcher.pid")).sorted()
                    .forEach(file -> {
                        try {
                            long pid = Long.parseLong(Files.readString(file).trim());
                            Double used = of(pid);
                            if (used != null) {
                                seconds.put(file.getFileName().toString().replace(".pid", ""), used);
                            }
                        }
                        catch (IOException | NumberFormatException gone) {
                            // A process that stopped has no figure.
                        }
                    });
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Double own = of(ProcessHandle.current().pid());
        if (own != null) {
            seconds.put("bench", own);
        }
        return seconds;
    }

    /** What each process used between two readings. */
    static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((process, seconds) -> used.put(process, seconds - before.getOrDefault(process, 0.0)));
        return used;
    }

    private static Double of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name may hold spaces: fields are counted after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        }
        catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
