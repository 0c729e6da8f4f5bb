package io.cpor.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A service's API document as committed to the repository ({@code docs/openapi/<api>.json}) and as first released
 * for its version ({@code docs/openapi/released/<api>-<version>.json}). {@link #problems} says what keeps the
 * running document from being published as is: it differs from the committed one, or it breaks clients of the
 * version's first release without changing the version. With {@code -Dcpor.openapi.update=true} the committed
 * document is rewritten (and a new version's release recorded) unless it breaks clients.
 */
public final class PublishedContract {

    public static final String UPDATE = "cpor.openapi.update";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private PublishedContract() {
    }

    /** The repository's {@code docs/openapi}, from a module's directory (where Maven runs its tests). */
    public static Path directory() {
        Path here = Path.of("").toAbsolutePath();
        for (Path at = here; at != null; at = at.getParent()) {
            if (Files.isDirectory(at.resolve("docs")) && Files.exists(at.resolve("mvnw"))) {
                return at.resolve("docs").resolve("openapi");
            }
        }
        throw new IllegalStateException("No repository root (docs/ and mvnw) above " + here);
    }

    public static List<String> problems(String api, String running, Path directory) {
        JsonNode current = canonical(running);
        String version = current.path("info").path("version").asText("unversioned");
        Path committed = directory.resolve(api + ".json");
        Path released = directory.resolve("released").resolve(api + "-" + version + ".json");
        boolean update = Boolean.getBoolean(UPDATE);
        try {
            List<String> breaks = Files.exists(released) ? ContractChanges.breaking(read(released), current)
                    : List.of();
            if (!breaks.isEmpty()) {
                return breaks.stream().map(change -> api + " " + version + " breaks clients of its first release ("
                        + released.getFileName() + "): " + change + "; change info.version to publish it").toList();
            }
            if (update) {
                Files.createDirectories(released.getParent());
                Files.writeString(committed, text(current));
                if (!Files.exists(released)) {
                    Files.writeString(released, text(current));
                }
                return List.of();
            }
            if (!Files.exists(released)) {
                return List.of(api + " " + version + " was never released: run the test with -D" + UPDATE
                        + "=true to record " + released);
            }
            if (!Files.exists(committed) || !read(committed).equals(current)) {
                return List.of("The running " + api + " document differs from " + committed + ": run the test with -D"
                        + UPDATE + "=true to commit it (it is written only if it breaks no client)");
            }
            return List.of();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document without what depends on where it was served ({@code servers}: the test's random port). */
    static JsonNode canonical(String document) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(document);
            node.remove("servers");
            return JSON.readTree(JSON.writeValueAsString(JSON.treeToValue(node, Object.class)));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(Files.readString(file));
    }

    private static String text(JsonNode document) throws IOException {
        return JSON.writeValueAsString(JSON.treeToValue(document, Object.class)) + "\n";
    }
}
