package io.cpor.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The configuration properties a packaged service declares: the {@code spring-configuration-metadata.json} of its own
 * classes and of every jar it ships (service-support's, Spring Boot's, ...), read from the executable jar itself.
 */
final class ConfigurationMetadata {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Services ship mostly the same libraries (their names carry versions): each is read once. */
    private static final Map<String, List<Property>> LIBRARIES = new ConcurrentHashMap<>();

    /** One declared property; {@code defaultValue} is null when it has none. */
    record Property(String name, String type, String defaultValue, String description) {

        boolean isMap() {
            return type != null && type.startsWith("java.util.Map");
        }
    }

    private final List<Property> properties;

    ConfigurationMetadata(List<Property> properties) {
        this.properties = List.copyOf(properties);
    }

    static ConfigurationMetadata ofExecutableJar(Path jar) {
        List<Property> properties = new ArrayList<>();
        try (JarFile executable = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = executable.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                // The service's own classes: Boot's repackaging moves their META-INF to the root of the jar.
                if (entry.getName().equals(METADATA) || entry.getName().equals("BOOT-INF/classes/" + METADATA)) {
                    try (InputStream in = executable.getInputStream(entry)) {
                        properties.addAll(parse(in));
                    }
                }
                else if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
                    properties.addAll(LIBRARIES.computeIfAbsent(entry.getName(),
                            name -> fromLibrary(executable, entry)));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
        return new ConfigurationMetadata(properties);
    }

    List<Property> properties() {
        return properties;
    }

    /**
     * Whether Spring would bind an environment variable to one of these properties: relaxed binding reads
     * {@code CPOR_RELAY_SWEEP_INTERVAL} (or {@code CPOR_RELAY_SWEEPINTERVAL}) as {@code cpor.relay.sweep-interval},
     * and {@code SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_URL} as a key of the map {@code spring.kafka.properties}.
     */
    boolean binds(String environmentVariable) {
        String variable = environmentVariable.toUpperCase(Locale.ROOT);
        for (Property property : properties) {
            for (String form : environmentForms(property.name())) {
                if (variable.equals(form) || property.isMap() && variable.startsWith(form + "_")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a property of a configuration file is one of these, or a key of one that is a map. */
    boolean declares(String property) {
        return properties.stream().anyMatch(declared -> declared.name().equals(property)
                || declared.isMap() && property.startsWith(declared.name() + "."));
    }

    /** The environment variable a property is set with: dots and dashes become underscores, in capitals. */
    static String environmentVariable(String property) {
        return environmentForms(property).get(1);
    }

    private static List<String> environmentForms(String property) {
        String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
        return List.of(upper.replace("-", ""), upper.replace('-', '_'));
    }

    /**
     * A library's metadata. The jar is copied out (it is stored, not compressed, in the executable jar) and opened by
     * its central directory: reading it as a stream would inflate every class before the metadata at its end.
     */
    private static List<Property> fromLibrary(JarFile executable, JarEntry library) {
        try {
            Path copy = Files.createTempFile("cpor-metadata-", ".jar");
            try {
                try (InputStream in = executable.getInputStream(library)) {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                try (ZipFile jar = new ZipFile(copy.toFile())) {
                    ZipEntry metadata = jar.getEntry(METADATA);
                    if (metadata == null) {
                        return List.of();
                    }
                    try (InputStream in = jar.getInputStream(metadata)) {
                        return parse(in);
                    }
                }
            }
            finally {
                Files.deleteIfExists(copy);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + library.getName(), e);
        }
    }

    private static List<Property> parse(InputStream in) throws IOException {
        List<Property> properties = new ArrayList<>();
        for (JsonNode property : JSON.readTree(in).path("properties")) {
            JsonNode defaultValue = property.get("defaultValue");
            properties.add(new Property(property.path("name").asText(), property.path("type").asText(null),
                    defaultValue == null || defaultValue.isNull() ? null : text(defaultValue),
                    property.path("description").asText(null)));
        }
        return properties;
    }

    private static String text(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join(",", items);
        }
        return value.asText();
    }
}
