package io.cpor.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository this module is built in: its root, its Maven modules, and the files in them. */
record Repository(Path root) {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    /** The repository of the running build: the parent of this module (Surefire runs tests in the module folder). */
    static Repository current() {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        return new Repository(module.getParent());
    }

    Path resolve(String relative) {
        return root.resolve(relative).normalize();
    }

    String read(String relative) {
        try {
            return Files.readString(resolve(relative));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The modules the root pom.xml lists. */
    List<String> modules() {
        List<String> modules = new ArrayList<>();
        Matcher matcher = MODULE.matcher(read("pom.xml"));
        while (matcher.find()) {
            modules.add(matcher.group(1).trim());
        }
        return modules;
    }

    /** The modules that are built into images: those with a Dockerfile. */
    List<String> imageModules() {
        return modules().stream().filter(module -> Files.isRegularFile(resolve(module + "/Dockerfile"))).toList();
    }

    /** The Spring Boot services among them: those configured by an application.yml. */
    List<String> serviceModules() {
        return imageModules().stream()
                .filter(module -> Files.isRegularFile(resolve(module + "/src/main/resources/application.yml")))
                .toList();
    }

    /** The executable jar the build packaged for a module. */
    Path packagedJar(String module) {
        Path target = resolve(module + "/target");
        try (var candidates = Files.list(target)) {
            return candidates.filter(path -> path.getFileName().toString().matches(Pattern.quote(module)
                    + "-\\d[^/]*\\.jar")).findFirst().orElseThrow(() -> missing(module));
        }
        catch (IOException e) {
            throw missing(module);
        }
    }

    private static IllegalStateException missing(String module) {
        return new IllegalStateException("No packaged jar of " + module + " in " + module
                + "/target: build it first (./mvnw -B -DskipTests package)");
    }
}
