package io.cpor.local.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Node.js side of the cross-client tests: {@code src/test/node} copied to {@code target/node-client} and its
 * locked dependencies installed with {@code npm ci} on first use.
 */
final class NodeClient {

    private static final Path SOURCE = Path.of("src/test/node");
    private static final Path HOME = Path.of("target/node-client");

    private NodeClient() {
    }

    static NodeClient install() throws IOException, InterruptedException {
        Files.createDirectories(HOME);
        for (String file : List.of("package.json", "package-lock.json", "cross-client.mjs", "registry-contract.mjs")) {
            Files.copy(SOURCE.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(HOME.resolve("node_modules/@confluentinc/schemaregistry"))) {
            exec(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 600);
        }
        return new NodeClient();
    }

    /** Runs the cross-client script with these arguments and returns what it printed. */
    String run(String... arguments) throws IOException, InterruptedException {
        return script("cross-client.mjs", arguments);
    }

    /** Runs one of the Node.js scripts with these arguments and returns what it printed. */
    String script(String script, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(arguments));
        return exec(command, 60);
    }

    private static String exec(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(false).start();
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0) + ": Node.js and npm are needed for the "
                    + "cross-client tests (.ci/run installs them)", e);
        }
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed (" + process.exitValue() + "): "
                    + new String(err, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8).trim();
    }
}
