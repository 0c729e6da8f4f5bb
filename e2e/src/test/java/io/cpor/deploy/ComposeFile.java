package io.cpor.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** A compose file as YAML reads it: anchors and merge keys resolved, values not interpolated. */
final class ComposeFile {

    private final Map<String, Object> root;

    private ComposeFile(Map<String, Object> root) {
        this.root = root;
    }

    static ComposeFile parse(String yaml) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("A compose file is a mapping at the top, not " + document);
        }
        return new ComposeFile(strings(map));
    }

    Map<String, Map<String, Object>> services() {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        mapping(root.get("services")).forEach((name, service) -> services.put(name, mapping(service)));
        return services;
    }

    /** The Dockerfile a service is built from, relative to the compose file; empty for a service run from an image. */
    static Optional<String> dockerfile(Map<String, Object> service) {
        Object build = service.get("build");
        if (build == null) {
            return Optional.empty();
        }
        if (build instanceof String context) {
            return Optional.of(join(context, "Dockerfile"));
        }
        Map<String, Object> settings = mapping(build);
        String context = String.valueOf(settings.getOrDefault("context", "."));
        return Optional.of(join(context, String.valueOf(settings.getOrDefault("dockerfile", "Dockerfile"))));
    }

    /** A service's environment, in either of compose's forms (a mapping, or a list of NAME=value). */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = service.get("environment");
        if (declared instanceof List<?> list) {
            for (Object entry : list) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                environment.put(equals < 0 ? text : text.substring(0, equals),
                        equals < 0 ? "" : text.substring(equals + 1));
            }
        }
        else if (declared != null) {
            mapping(declared).forEach((name, value) -> environment.put(name, String.valueOf(value)));
        }
        return environment;
    }

    static Map<String, Object> mapping(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("Expected a mapping, not " + value);
        }
        return strings(map);
    }

    private static Map<String, Object> strings(Map<?, ?> map) {
        Map<String, Object> strings = new LinkedHashMap<>();
        map.forEach((key, value) -> strings.put(String.valueOf(key), value));
        return strings;
    }

    private static String join(String context, String file) {
        String base = context.equals(".") || context.equals("./") ? "" : context.replaceAll("/+$", "") + "/";
        return (base + file).replaceFirst("^\\./", "");
    }
}
