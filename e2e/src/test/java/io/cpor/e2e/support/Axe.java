package io.cpor.e2e.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core accessibility engine, installed from npm (its version locked in {@code src/test/node}) on first
 * use and run inside the page a browser shows. The WebDriver runs it, so the page's own policy (no script of its
 * own) stays as it is.
 */
public final class Axe {

    private static final Path SOURCE = Path.of("src/test/node");
    private static final Path HOME = Path.of("target/browser-tools");
    /** The impacts a page may not have: axe-core's "serious" and "critical". */
    private static final List<String> BLOCKING = List.of("serious", "critical");
    private static String engine;

    /** A rule a page broke: which, how badly, and where. */
    public record Violation(String page, String rule, String impact, String help, List<String> targets) {

        @Override
        public String toString() {
            return page + ": " + impact + " " + rule + " (" + help + ") at " + targets;
        }
    }

    private Axe() {
    }

    /** The serious and critical violations of WCAG 2.x A and AA rules (and axe's best practices) on this page. */
    @SuppressWarnings("unchecked")
    public static List<Violation> serious(WebDriver browser, String page) {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        script.executeScript(engine());
        browser.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(30));
        Object answer = script.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                    'wcag22aa', 'best-practice']}})
                  .then(results => done(JSON.stringify(results.violations.map(v => ({id: v.id, impact: v.impact,
                      help: v.help, targets: v.nodes.map(n => n.target.join(' '))})))))
                  .catch(error => done(JSON.stringify({error: String(error)})));
                """);
        Object parsed;
        try {
            parsed = new com.fasterxml.jackson.databind.ObjectMapper().readValue(String.valueOf(answer), Object.class);
        }
        catch (IOException e) {
            throw new IllegalStateException("axe-core answered " + answer, e);
        }
        if (parsed instanceof Map<?, ?> failed) {
            throw new IllegalStateException("axe-core failed on " + page + ": " + failed.get("error"));
        }
        List<Violation> found = new ArrayList<>();
        for (Map<String, Object> violation : (List<Map<String, Object>>) parsed) {
            String impact = String.valueOf(violation.get("impact"));
            if (BLOCKING.contains(impact)) {
                found.add(new Violation(page, String.valueOf(violation.get("id")), impact,
                        String.valueOf(violation.get("help")), (List<String>) violation.get("targets")));
            }
        }
        return found;
    }

    private static synchronized String engine() {
        if (engine == null) {
            try {
                Files.createDirectories(HOME);
                for (String file : List.of("package.json", "package-lock.json")) {
                    Files.copy(SOURCE.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
                Path script = HOME.resolve("node_modules/axe-core/axe.min.js");
                if (!Files.isRegularFile(script)) {
                    npmCi();
                }
                engine = Files.readString(script, StandardCharsets.UTF_8);
            }
            catch (IOException e) {
                throw new IllegalStateException("axe-core could not be installed", e);
            }
        }
        return engine;
    }

    private static void npmCi() throws IOException {
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(HOME.toFile()).redirectErrorStream(true).start();
        npm.getOutputStream().close();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci (axe-core) failed: " + output);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
