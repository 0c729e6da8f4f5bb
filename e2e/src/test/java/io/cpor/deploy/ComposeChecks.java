package io.cpor.deploy;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a compose file of this project must hold to, each check answering the violations it finds (none: it holds).
 * A project service is one the compose file builds from a module's Dockerfile.
 */
final class ComposeChecks {

    private static final Pattern FROM =
            Pattern.compile("(?im)^\\s*FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?");
    private static final Pattern HEALTHCHECK = Pattern.compile("(?im)^\\s*HEALTHCHECK\\s+(?!NONE\\b)\\S");
    private static final Pattern EXACT_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    private final ComposeFile compose;
    private final Repository repository;
    private final Function<String, ConfigurationMetadata> metadata;

    /** @param metadata the configuration metadata of a module's packaged service, by module name */
    ComposeChecks(ComposeFile compose, Repository repository, Function<String, ConfigurationMetadata> metadata) {
        this.compose = compose;
        this.repository = repository;
        this.metadata = metadata;
    }

    /** Each built service's Dockerfile is {@code <module>/Dockerfile} of a module the root pom lists, and builds it. */
    List<String> servicesNotBuiltFromTheirModule() {
        List<String> violations = new ArrayList<>();
        compose.services().forEach((name, service) -> ComposeFile.dockerfile(service).ifPresent(dockerfile -> {
            String module = moduleOf(dockerfile).orElse(null);
            if (module == null || !repository.modules().contains(module)) {
                violations.add(name + ": built from " + dockerfile + ", which is not <module>/Dockerfile of a module "
                        + "in pom.xml");
            }
            else if (!Files.isRegularFile(repository.resolve(dockerfile))) {
                violations.add(name + ": " + dockerfile + " does not exist");
            }
            else if (!repository.read(dockerfile).contains("-pl " + module + " ")) {
                violations.add(name + ": " + dockerfile + " does not build its module (-pl " + module + ")");
            }
        }));
        return violations;
    }

    /** Every module with a Dockerfile runs in the compose file. */
    List<String> serviceModulesNotDeployed() {
        Set<String> built = new LinkedHashSet<>();
        compose.services().values().forEach(service -> ComposeFile.dockerfile(service).flatMap(ComposeChecks::moduleOf)
                .ifPresent(built::add));
        return repository.imageModules().stream().filter(module -> !built.contains(module))
                .map(module -> module + " has a Dockerfile but no service of the compose file builds it").toList();
    }

    /** Every environment variable set on a project service binds to a property its packaged jar declares. */
    List<String> unboundEnvironmentVariables() {
        List<String> violations = new ArrayList<>();
        compose.services().forEach((name, service) -> ComposeFile.dockerfile(service).flatMap(ComposeChecks::moduleOf)
                .ifPresent(module -> {
                    Map<String, String> environment = ComposeFile.environment(service);
                    if (environment.isEmpty()) {
                        return;
                    }
                    ConfigurationMetadata declared = metadata.apply(module);
                    environment.keySet().stream().filter(variable -> !declared.binds(variable))
                            .forEach(variable -> violations.add(name + ": " + variable + " binds to no property "
                                    + module + " declares"));
                }));
        return violations;
    }

    /** Every service has a health check: in the compose file, or in the Dockerfile it is built from. */
    List<String> servicesWithoutHealthCheck() {
        List<String> violations = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            boolean inImage = ComposeFile.dockerfile(service)
                    .filter(file -> Files.isRegularFile(repository.resolve(file)))
                    .map(file -> HEALTHCHECK.matcher(repository.read(file)).find()).orElse(false);
            if (!hasHealthCheck(service.get("healthcheck")) && !inImage) {
                violations.add(name + " has no health check");
            }
        });
        return violations;
    }

    /** Every image, of a service or of a Dockerfile's FROM line, names an exact version (or a digest). */
    List<String> unpinnedImages() {
        List<String> violations = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            Object image = service.get("image");
            if (image != null && !isPinned(String.valueOf(image))) {
                violations.add(name + ": image " + image + " is not pinned to an exact version");
            }
            ComposeFile.dockerfile(service).filter(file -> Files.isRegularFile(repository.resolve(file)))
                    .ifPresent(file -> baseImages(repository.read(file)).stream().filter(base -> !isPinned(base))
                            .forEach(base -> violations.add(file + ": FROM " + base
                                    + " is not pinned to an exact version")));
        });
        return violations;
    }

    /**
     * A project service can be scaled out: no container name, no fixed host port (a range would do). A helper of an
     * opt-in profile (the demo issuer) is not part of the deployment and runs once.
     */
    List<String> projectServicesThatCannotScale() {
        List<String> violations = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            if (ComposeFile.dockerfile(service).isEmpty() || service.containsKey("profiles")) {
                return;
            }
            if (service.containsKey("container_name")) {
                violations.add(name + " has a container_name: a second replica cannot have it too");
            }
            if (service.get("ports") instanceof List<?> ports) {
                ports.stream().filter(ComposeChecks::fixesAHostPort).forEach(port -> violations.add(name
                        + " publishes host port " + port + ": a second replica cannot bind it too"));
            }
        });
        return violations;
    }

    /** The images a Dockerfile's stages start from, leaving out earlier stages it names. */
    static List<String> baseImages(String dockerfile) {
        List<String> images = new ArrayList<>();
        Set<String> stages = new LinkedHashSet<>();
        Matcher from = FROM.matcher(dockerfile);
        while (from.find()) {
            if (!stages.contains(from.group(1).toLowerCase())) {
                images.add(from.group(1));
            }
            if (from.group(2) != null) {
                stages.add(from.group(2).toLowerCase());
            }
        }
        return images;
    }

    static boolean isPinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        if (image.contains("$")) {
            return false;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            return false;
        }
        String tag = image.substring(colon + 1);
        return !tag.equalsIgnoreCase("latest") && EXACT_VERSION.matcher(tag).find();
    }

    private static boolean hasHealthCheck(Object healthcheck) {
        if (!(healthcheck instanceof Map<?, ?> settings) || Boolean.TRUE.equals(settings.get("disable"))) {
            return false;
        }
        Object test = settings.get("test");
        if (test instanceof List<?> command) {
            return !command.isEmpty() && !"NONE".equals(String.valueOf(command.get(0)));
        }
        return test instanceof String command && !command.isBlank();
    }

    private static boolean fixesAHostPort(Object port) {
        if (port instanceof Map<?, ?> longSyntax) {
            Object published = longSyntax.get("published");
            return published != null && !String.valueOf(published).contains("-");
        }
        String text = String.valueOf(port).replaceFirst("/(tcp|udp)$", "");
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        String host = text.substring(0, colon);
        String hostPort = host.substring(host.lastIndexOf(':') + 1);
        return !hostPort.isEmpty() && !hostPort.contains("-");
    }

    private static Optional<String> moduleOf(String dockerfile) {
        String[] parts = dockerfile.split("/");
        return parts.length == 2 && parts[1].equals("Dockerfile") ? Optional.of(parts[0]) : Optional.empty();
    }
}
