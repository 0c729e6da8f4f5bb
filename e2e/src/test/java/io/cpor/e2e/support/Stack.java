package io.cpor.e2e.support;

import io.cpor.local.Endpoints;
import io.cpor.local.testing.DemoTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole stack as the README starts it ({@code ./cpor up --detach}, with a short decline window), once per test
 * JVM, on free ports, stopped when the JVM ends. Its data directory (and logs) stays under {@code target/} for a
 * look after a failure.
 */
public final class Stack {

    /** Long enough for a person (or a browser) to decline from the mail; short enough to wait for activation. */
    public static final Duration DECLINE_WINDOW = Duration.ofSeconds(30);

    /** The services by their standard ports. */
    public static final Map<String, Integer> SERVICES = Map.of("claim-service", 8080, "validation-service", 8082,
            "notification-service", 8083, "association-service", 8084, "portal", 8086);

    private static Stack shared;

    private final Cpor cpor;
    private final Endpoints endpoints;

    private Stack(Cpor cpor) {
        this.cpor = cpor;
        String host = "127.0.0.1";
        this.endpoints = new Endpoints(host + ":" + cpor.port(9092), "mongodb://" + host + ":" + cpor.port(27017),
                "http://" + host + ":" + cpor.port(8081), "http://" + host + ":" + cpor.port(9000), host,
                cpor.port(1025), cpor.port(1143), "http://localhost:" + cpor.port(8025),
                "http://" + host + ":" + cpor.port(8090), "http://" + host + ":" + cpor.port(8091),
                "http://" + host + ":" + cpor.port(8092), true);
    }

    /** The running stack, started on first use. */
    public static synchronized Stack shared() {
        if (shared == null) {
            shared = start(Map.of(), "--decline-window", DECLINE_WINDOW.toString());
        }
        return shared;
    }

    /** Stops the shared stack if it runs (a test that needs the machine to itself); the next use starts it again. */
    public static synchronized void stopShared() {
        if (shared != null) {
            shared.stop();
            shared = null;
        }
    }

    /**
     * A stack of its own ({@code ./cpor up --detach} with these options), its services started with these
     * environment variables (Spring properties by their relaxed names), stopped by {@link #stop()} or at the end.
     */
    public static Stack start(Map<String, String> environment, String... upOptions) {
        try {
            Files.createDirectories(Cpor.ROOT.resolve("e2e/target"));
            Cpor cpor = Cpor.onFreePorts(Files.createTempDirectory(Cpor.ROOT.resolve("e2e/target"), "stack-"))
                    .withEnvironment(environment);
            List<String> up = new ArrayList<>(List.of("up", "--detach"));
            up.addAll(List.of(upOptions));
            Cpor.Result started = cpor.run(up.toArray(String[]::new));
            if (started.exitCode() != 0) {
                cpor.run("down");
                throw new IllegalStateException("./cpor up failed (" + started.exitCode() + "):\n"
                        + started.output());
            }
            Stack stack = new Stack(cpor);
            // Its issuer signs with a key of its own: no token of an earlier stack is any good here.
            DemoTokens.forget(stack.endpoints());
            // Whatever a test calls, the answers are held to the APIs' published documents.
            Http.holdAnswersToThePublishedDocuments();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "cpor-down"));
            return stack;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ./cpor down}: every process of this stack ends. */
    public void stop() {
        cpor.run("down");
    }

    public Cpor cpor() {
        return cpor;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** The base URL of a service by its standard port: {@code url(8080)} is claim-service. */
    public String url(int standardPort) {
        return "http://localhost:" + cpor.port(standardPort);
    }

    /** Where a service's operations (actuator) answer: its management port, the API port + 10000. */
    public String managementUrl(int standardPort) {
        return url(standardPort + 10_000);
    }

    public String token(String client) {
        return DemoTokens.of(endpoints, client);
    }

    /** SIGKILL: the process ends at once, as in a power cut; nothing of it runs a shutdown hook. */
    public void kill(String part) {
        end(part, ProcessHandle::destroyForcibly);
    }

    /** SIGTERM: the process shuts down gracefully (its consumers leave their groups). */
    public void terminate(String part) {
        end(part, ProcessHandle::destroy);
    }

    private void end(String part, java.util.function.Consumer<ProcessHandle> signal) {
        long pid = cpor.pid(part).orElseThrow(() -> new IllegalStateException(part + " is not running"));
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(
                part + " (pid " + pid + ") is not running"));
        signal.accept(process);
        process.onExit().orTimeout(90, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    /** {@code ./cpor <arguments>}, which must succeed. */
    public void run(String... arguments) {
        Cpor.Result result = cpor.run(arguments);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("./cpor " + String.join(" ", arguments) + " failed ("
                    + result.exitCode() + "):\n" + result.output());
        }
    }

    /** Every service answers its readiness check with 200, and the platform its health check. */
    public Map<String, Integer> health() {
        Map<String, Integer> health = new java.util.LinkedHashMap<>();
        SERVICES.forEach((service, port) -> health.put(service, status(managementUrl(port)
                + "/actuator/health/readiness")));
        health.put("platform", status(endpoints.inboxUrl() + "/health"));
        return health;
    }

    private static int status(String url) {
        try {
            return Http.get(url, null).status();
        }
        catch (RuntimeException unreachable) {
            return -1;
        }
    }
}
