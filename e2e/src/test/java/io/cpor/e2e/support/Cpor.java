package io.cpor.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The {@code ./cpor} launcher of the packaged tree, run as a user runs it, with its own data directory and a port
 * offset that keeps it away from a stack a developer runs at the same time.
 */
public final class Cpor {

    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** The platform's and the services' ports, and those of the services' second instances. */
    private static final int[] STANDARD_PORTS = {9092, 9093, 27017, 8081, 9000, 1025, 1143, 8025, 8090, 8091, 8092, 8080,
        8082, 8083, 8084, 8086, 8180, 8182, 8183, 8184, 8186, 18080, 18082, 18083, 18084, 18086, 18180, 18182, 18183,
        18184, 18186};

    private static final java.util.Set<Integer> USED_OFFSETS = new java.util.HashSet<>();
    static final String TEST_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private final Path data;
    private final int offset;
    private final Map<String, String> environment;

    public Cpor(Path data, int offset) {
        this(data, offset, Map.of());
    }

    private Cpor(Path data, int offset, Map<String, String> environment) {
        this.data = data;
        this.offset = offset;
        this.environment = Map.copyOf(environment);
    }

    /** The same launcher, its commands run with these environment variables too (the services inherit them). */
    public Cpor withEnvironment(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(more);
        return new Cpor(data, offset, all);
    }

    /** A launcher on ports shifted to a free range. */
    public static Cpor onFreePorts(Path data) {
        return new Cpor(data, freeOffset());
    }

    public Path data() {
        return data;
    }

    public int offset() {
        return offset;
    }

    /** Where a standard port of the stack is with this launcher's offset. */
    public int port(int standard) {
        return standard + offset;
    }

    /** Runs a command to its end (two minutes at most) and answers its exit code and output. */
    public Result run(String... arguments) {
        try {
            Process process = command(List.of(arguments)).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(240, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./cpor " + String.join(" ", arguments) + " did not end: " + output);
            }
            return new Result(process.exitValue(), output);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public ProcessBuilder command(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("cpor").toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        Map<String, String> env = builder.environment();
        // The tests' stacks start and restart often on two cores and are never measured: the JIT's first tier only
        // and the serial collector start a JVM faster and leave the cores to the others.
        env.put("CPOR_JAVA_OPTS", TEST_JVM_OPTIONS);
        env.putAll(environment);
        env.put("CPOR_DATA_DIR", data.toString());
        env.put("CPOR_PORT_OFFSET", Integer.toString(offset));
        env.put("CPOR_SKIP_BUILD", "1");
        return builder;
    }

    /** The process id the launcher recorded for a part (platform, claim-service, ...), if it runs. */
    public OptionalLong pid(String part) {
        Path file = data.resolve("run").resolve(part + ".pid");
        try {
            return Files.exists(file) ? OptionalLong.of(Long.parseLong(Files.readString(file).trim()))
                    : OptionalLong.empty();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An offset that moves every standard port of the stack onto a free one, and that no stack of this JVM had
     * before: a second stack on the addresses of an earlier one would meet what clients remember of that one
     * (tokens its issuer signed with a key that is gone, for instance).
     */
    static synchronized int freeOffset() {
        for (int attempt = 0; attempt < 50; attempt++) {
            // Below the kernel's ephemeral range (32768 up) with the highest standard port (27017): an outgoing
            // connection of any process can take a port in that range between this check and a service's bind.
            // Steps of 200, so one stack's second instances (100 up) never land on another stack's ports.
            int candidate = ThreadLocalRandom.current().nextInt(1, 29) * 200;
            if (USED_OFFSETS.contains(candidate)) {
                continue;
            }
            boolean allFree = true;
            for (int port : STANDARD_PORTS) {
                try (ServerSocket socket = new ServerSocket(port + candidate, 1, InetAddress.getLoopbackAddress())) {
                    socket.setReuseAddress(true);
                }
                catch (IOException e) {
                    allFree = false;
                    break;
                }
            }
            if (allFree) {
                USED_OFFSETS.add(candidate);
                return candidate;
            }
        }
        throw new IllegalStateException("No free port offset found");
    }

    /** What a command answered. */
    public record Result(int exitCode, String output) {
    }
}
