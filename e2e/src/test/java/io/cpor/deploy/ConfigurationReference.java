package io.cpor.deploy;

import io.cpor.deploy.ConfigurationMetadata.Property;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The README's configuration reference: every {@code cpor.*} property the services declare in their configuration
 * metadata, with its environment variable, default, what the prod profile sets, and which services read it.
 */
final class ConfigurationReference {

    static final String BEGIN = "<!-- configuration reference: generated from the services' configuration metadata;"
            + " ConfigurationReferenceTests checks it (-Dcpor.readme.update=true rewrites it) -->";
    static final String END = "<!-- end of configuration reference -->";

    private static final Pattern CODE = Pattern.compile("\\{@code ([^}]*)}");
    private static final String REQUIRED = "required";

    private ConfigurationReference() {
    }

    /** The table, generated. */
    static String table(Repository repository, Function<String, ConfigurationMetadata> metadata) {
        List<String> modules = repository.serviceModules();
        Map<String, Property> properties = new TreeMap<>();
        Map<String, Set<String>> readers = new TreeMap<>();
        for (String module : modules) {
            for (Property property : metadata.apply(module).properties()) {
                if (property.name().startsWith("cpor.")) {
                    properties.merge(property.name(), property, ConfigurationReference::richer);
                    readers.computeIfAbsent(property.name(), name -> new LinkedHashSet<>()).add(module);
                }
            }
        }
        Map<String, Set<String>> defaults = applicationDefaults(repository, modules);
        Map<String, Set<String>> prod = prodProfile(repository, modules);
        StringBuilder table = new StringBuilder()
                .append("| property | environment variable | default | prod profile | services | description |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        properties.forEach((name, property) -> table.append("| `").append(name).append("` | `")
                .append(ConfigurationMetadata.environmentVariable(name)).append(property.isMap() ? "_<key>" : "")
                .append("` | ").append(defaults.containsKey(name) ? String.join(" / ", defaults.get(name))
                        : defaultValue(property.defaultValue())).append(" | ")
                .append(String.join(" / ", prod.getOrDefault(name, Set.of()))).append(" | ")
                .append(readersOf(readers.get(name), modules))
                .append(" | ").append(description(property.description())).append(" |\n"));
        return table.toString();
    }

    /** Who reads a property: all of the services, all but one, or those named. */
    private static String readersOf(Set<String> readers, List<String> modules) {
        List<String> others = modules.stream().filter(module -> !readers.contains(module)).toList();
        if (others.isEmpty()) {
            return "all";
        }
        return others.size() == 1 && readers.size() > 2 ? "all but " + others.get(0) : String.join(", ", readers);
    }

    /** The part of a README between the markers; empty if they are missing. */
    static String section(String readme) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        return begin < 0 || end < begin ? "" : readme.substring(begin + BEGIN.length(), end).strip() + "\n";
    }

    static String withSection(String readme, String table) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("The README has no configuration reference markers");
        }
        return readme.substring(0, begin + BEGIN.length()) + "\n" + table + readme.substring(end);
    }

    /** Per property, the value the services' application.yml give it, where they give one without a placeholder. */
    private static Map<String, Set<String>> applicationDefaults(Repository repository, List<String> modules) {
        Map<String, Set<String>> defaults = new TreeMap<>();
        for (String module : modules) {
            configuration(repository, module, "application.yml").forEach((name, value) -> {
                if (name.startsWith("cpor.") && !value.contains("${")) {
                    defaults.computeIfAbsent(name, key -> new LinkedHashSet<>()).add(defaultValue(value));
                }
            });
        }
        return defaults;
    }

    /** Per property, what the services' application-prod.yml set it to, or "required" for a placeholder. */
    private static Map<String, Set<String>> prodProfile(Repository repository, List<String> modules) {
        Map<String, Set<String>> prod = new TreeMap<>();
        for (String module : modules) {
            configuration(repository, module, "application-prod.yml").forEach((name, value) -> {
                if (name.startsWith("cpor.") && !value.contains("${")) {
                    prod.computeIfAbsent(name, key -> new LinkedHashSet<>()).add("`" + value + "`");
                }
                Matcher placeholder = Pattern.compile("\\$\\{([^}:]+)}").matcher(value);
                while (placeholder.find()) {
                    prod.computeIfAbsent(placeholder.group(1).trim(), key -> new LinkedHashSet<>()).add(REQUIRED);
                }
            });
        }
        return prod;
    }

    /** A configuration file of a module, flattened to property names; empty if it has none. */
    private static Map<String, String> configuration(Repository repository, String module, String fileName) {
        String file = module + "/src/main/resources/" + fileName;
        if (!Files.isRegularFile(repository.resolve(file))) {
            return Map.of();
        }
        return flatten("", new Yaml(new SafeConstructor(new LoaderOptions())).load(repository.read(file)));
    }

    private static Map<String, String> flatten(String prefix, Object yaml) {
        Map<String, String> flat = new LinkedHashMap<>();
        if (yaml instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flat.putAll(flatten(prefix.isEmpty() ? String.valueOf(key)
                    : prefix + "." + key, value)));
        }
        else if (yaml != null) {
            flat.put(prefix, String.valueOf(yaml));
        }
        return flat;
    }

    private static Property richer(Property one, Property other) {
        return new Property(one.name(), one.type() != null ? one.type() : other.type(),
                one.defaultValue() != null ? one.defaultValue() : other.defaultValue(),
                one.description() != null ? one.description() : other.description());
    }

    private static String defaultValue(String value) {
        if (value == null) {
            return "";
        }
        return value.isEmpty() ? "(empty)" : "`" + value + "`";
    }

    /** Javadoc or metadata text as a table cell: code as code, the rest escaped, a capital and a full stop. */
    private static String description(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        StringBuilder cell = new StringBuilder();
        Matcher code = CODE.matcher(flat);
        int from = 0;
        while (code.find()) {
            cell.append(escaped(flat.substring(from, code.start()))).append('`').append(code.group(1)).append('`');
            from = code.end();
        }
        cell.append(escaped(flat.substring(from)));
        String sentence = cell.substring(0, 1).toUpperCase(Locale.ROOT) + cell.substring(1);
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }

    private static String escaped(String plain) {
        return plain.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
