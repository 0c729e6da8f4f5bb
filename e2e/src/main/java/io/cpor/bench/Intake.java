package io.cpor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The claim-service's HTTP intake alone, loaded by {@code wrk} (Debian's package) from another process: POSTs of a
 * claim against a trivial endpoint of the same service (its liveness probe) as the baseline, same connections, same
 * duration.
 */
final class Intake {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\n\\s+99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern NOT_OK = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

    /** Requests per second, p99 in milliseconds, and answers that were not 2xx. */
    record Load(double perSecond, double p99Millis, long notOk) {
    }

    private Intake() {
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/wrk"));
    }

    static Load post(String url, String token, String json, int connections, int seconds) throws Exception {
        Path script = Files.createTempFile("cpor-bench-", ".lua");
        try {
            Files.writeString(script, "wrk.method = \"POST\"\n"
                    + "wrk.body = [==[" + json + "]==]\n"
                    + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                    + "wrk.headers[\"Authorization\"] = \"Bearer " + token + "\"\n", StandardCharsets.UTF_8);
            return wrk(url, connections, seconds, script);
        }
        finally {
            Files.deleteIfExists(script);
        }
    }

    static Load get(String url, int connections, int seconds) throws Exception {
        return wrk(url, connections, seconds, null);
    }

    private static Load wrk(String url, int connections, int seconds, Path script) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/wrk", "-t2", "-c" + connections, "-d" + seconds + "s",
                "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Matcher rate = RATE.matcher(output);
        Matcher p99 = P99.matcher(output);
        if (!rate.find() || !p99.find()) {
            throw new IllegalStateException("Cannot read wrk's output: " + output);
        }
        double value = Double.parseDouble(p99.group(1));
        double millis = switch (p99.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
        Matcher notOk = NOT_OK.matcher(output);
        return new Load(Double.parseDouble(rate.group(1)), millis, notOk.find() ? Long.parseLong(notOk.group(1)) : 0);
    }
}
