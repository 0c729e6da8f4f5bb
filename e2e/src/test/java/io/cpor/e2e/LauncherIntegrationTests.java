package io.cpor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cpor.e2e.support.Cpor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./cpor} on the packaged tree: up prints the summary, status reports every part, a second up refuses, an
 * extra instance starts and a service stops and restarts, down stops every process it started. Runs after {@code package} (failsafe), on ports shifted away from the standard
 * ones so a stack a developer runs at the same time is not disturbed.
 */
@Isolated
class LauncherIntegrationTests {

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
        offset = Cpor.onFreePorts(data).offset();
        Path output = data.resolve("up.out");
        up = command(List.of("up")).redirectErrorStream(true).redirectOutput(output.toFile()).start();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.readString(output).contains("Ctrl-C (or ./cpor down) stops everything."));
        String summary = Files.readString(output);
        assertThat(summary).contains("Kafka                 127.0.0.1:" + (9092 + offset))
                .contains("notification-service  http://localhost:" + (8083 + offset))
                .contains("association-service   http://localhost:" + (8084 + offset))
                .contains("demo-partner-1  partner_id 1000001").contains("grant_type=client_credentials")
                .contains("Portal (partners and validators, in a browser): http://127.0.0.1:" + (8086 + offset))
                .contains("viewer@partner1.example").contains("validator@microsoft.example");

        Cpor.Result status = cpor("status");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains("platform              UP").contains("claim-service         UP")
                .contains("notification-service  UP").contains("association-service   UP")
                .contains("portal                UP").doesNotContain("DOWN");

        Cpor.Result token = cpor("token", "demo-validator");
        assertThat(token.exitCode()).isZero();
        assertThat(token.output().trim().split("\\.")).hasSize(3);

        Cpor.Result again = cpor("up");
        assertThat(again.exitCode()).isEqualTo(4);
        assertThat(again.output()).contains("already running");

        Cpor.Result instance = cpor("instance", "association-service", "2");
        assertThat(instance.exitCode()).as(instance.output()).isZero();
        assertThat(instance.output()).contains("association-service-2 is up on port " + (8184 + offset));
        assertThat(cpor("instance", "association-service", "2").exitCode()).as("already running").isEqualTo(4);

        Cpor.Result stopped = cpor("stop", "validation-service");
        assertThat(stopped.exitCode()).as(stopped.output()).isZero();
        Cpor.Result partly = cpor("status");
        assertThat(partly.exitCode()).isEqualTo(1);
        assertThat(partly.output()).contains("validation-service    not running");
        assertThat(cpor("restart", "validation-service").exitCode()).isZero();

        List<Long> started = pids();
        assertThat(started).as("the platform, four services, the portal and a second association-service")
                .hasSize(7);
        Cpor.Result down = cpor("down");
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
        offset = Cpor.onFreePorts(data).offset();

        Cpor.Result window = cpor("up", "--decline-window", "five-minutes");
        Cpor.Result unknown = cpor("launch");
        Cpor.Result noSuchService = cpor("stop", "billing-service");
        Cpor.Result firstInstance = cpor("instance", "association-service", "1");

        assertThat(window.exitCode()).isEqualTo(2);
        assertThat(window.output()).contains("not an ISO-8601 duration");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).contains("./cpor up");
        assertThat(noSuchService.exitCode()).isEqualTo(2);
        assertThat(noSuchService.output()).contains("no service named billing-service");
        assertThat(firstInstance.exitCode()).as("instance 1 is the service itself").isEqualTo(2);
    }

    private List<Long> pids() throws IOException {
        try (var files = Files.list(data.resolve("run"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".pid") && !name.equals("launcher.pid"))
                    .map(name -> cpor().pid(name.substring(0, name.length() - ".pid".length())).orElseThrow())
                    .toList();
        }
    }

    private Cpor cpor() {
        return new Cpor(data, offset);
    }

    private Cpor.Result cpor(String... arguments) {
        return cpor().run(arguments);
    }

    private ProcessBuilder command(List<String> arguments) {
        return cpor().command(arguments);
    }
}
