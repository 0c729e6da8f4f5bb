package io.cpor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./cpor} on the packaged tree: up prints the summary, status reports every part, a second up refuses, down
 * stops every process it started. Runs after {@code package} (failsafe), on ports shifted away from the standard
 * ones so a stack a developer runs at the same time is not disturbed.
 */
class LauncherIntegrationTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path data;

    private int offset;
    private Process up;

    @AfterEach
    void stopWhateverIsLeft() throws Exception {
        cpor("down");
        if (up != null) {
            up.destroyForcibly();
        }
    }

    @Test
    void startsReportsAndStopsTheStackLeavingNoProcessBehind() throws Exception {
        offset = freeOffset();
        Path output = data.resolve("up.out");
        up = command(List.of("up")).redirectErrorStream(true).redirectOutput(output.toFile()).start();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.readString(output).contains("Ctrl-C (or ./cpor down) stops everything."));
        String summary = Files.readString(output);
        assertThat(summary).contains("Kafka                 127.0.0.1:" + (9092 + offset))
                .contains("notification-service  http://localhost:" + (8083 + offset))
                .contains("association-service   http://localhost:" + (8084 + offset))
                .contains("demo-partner-1  partner_id 1000001").contains("grant_type=client_credentials");

        Result status = cpor("status");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains("platform              UP").contains("claim-service         UP")
                .contains("notification-service  UP").contains("association-service   UP")
                .doesNotContain("DOWN");

        Result token = cpor("token", "demo-validator");
        assertThat(token.exitCode()).isZero();
        assertThat(token.output().trim().split("\\.")).hasSize(3);

        Result again = cpor("up");
        assertThat(again.exitCode()).isEqualTo(4);
        assertThat(again.output()).contains("already running");

        List<Long> started = pids();
        assertThat(started).as("the platform and claim-service").hasSizeGreaterThanOrEqualTo(2);
        Result down = cpor("down");
        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(up.waitFor(60, TimeUnit.SECONDS)).as("the launcher exits").isTrue();
        for (long pid : started) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid " + pid).isFalse();
        }
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
                .contains(data.toString()))).as("no JVM left with this data directory").isEmpty();
        assertThat(cpor("status").exitCode()).as("not running").isEqualTo(3);
    }

    @Test
    void refusesAMalformedDeclineWindowAndUnknownCommands() throws Exception {
        offset = freeOffset();

        Result window = cpor("up", "--decline-window", "five-minutes");
        Result unknown = cpor("launch");

        assertThat(window.exitCode()).isEqualTo(2);
        assertThat(window.output()).contains("not an ISO-8601 duration");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).contains("./cpor up");
    }

    private List<Long> pids() throws IOException {
        try (var files = Files.list(data.resolve("run"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".pid"))
                    .filter(file -> !file.getFileName().toString().equals("launcher.pid"))
                    .map(file -> {
                        try {
                            return Long.parseLong(Files.readString(file).trim());
                        }
                        catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }

    private Result cpor(String... arguments) throws Exception {
        Process process = command(List.of(arguments)).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private ProcessBuilder command(List<String> arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("cpor").toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        Map<String, String> env = builder.environment();
        env.put("CPOR_DATA_DIR", data.toString());
        env.put("CPOR_PORT_OFFSET", Integer.toString(offset));
        env.put("CPOR_SKIP_BUILD", "1");
        return builder;
    }

    /** An offset that moves every standard port of the stack onto a free one. */
    private static int freeOffset() {
        int[] standard = {9092, 9093, 27017, 8081, 9000, 1025, 1143, 8025, 8090, 8080, 8082, 8083, 8084};
        for (int attempt = 0; attempt < 50; attempt++) {
            // The highest standard port (27017) plus the offset must stay a valid port.
            int candidate = 20_000 + ThreadLocalRandom.current().nextInt(0, 180) * 100;
            boolean allFree = true;
            for (int port : standard) {
                try (ServerSocket socket = new ServerSocket(port + candidate, 1, InetAddress.getLoopbackAddress())) {
                    socket.setReuseAddress(true);
                }
                catch (IOException e) {
                    allFree = false;
                    break;
                }
            }
            if (allFree) {
                return candidate;
            }
        }
        throw new IllegalStateException("No free port offset found");
    }

    private record Result(int exitCode, String output) {
    }
}
