package io.cpor.schemas.compat;

import io.cpor.schemas.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * The schemas of the contract as they were released, one folder per subject ({@code <topic>-value}) holding
 * {@code v1.avsc}, {@code v2.avsc}, ... They are never edited. The gate checks that each topic's current value
 * schema can read data written with every released version (BACKWARD_TRANSITIVE), so consumers upgraded first never
 * meet a record they cannot read.
 */
public final class ReleasedSchemas {

    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

    private final Path root;

    public ReleasedSchemas(Path root) {
        this.root = root;
    }

    /** Released versions of a subject, oldest first; empty if it was never released. */
    public List<Schema> versions(String subject) {
        Path folder = root.resolve(subject);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Schema> schemas = new ArrayList<>();
        for (Path file : versionFiles(folder)) {
            try {
                schemas.add(new Schema.Parser().parse(Files.readString(file, StandardCharsets.UTF_8)));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }

    /** What stops {@code candidate} from following the released versions of the subject; empty if nothing. */
    public List<String> violations(String subject, Schema candidate) {
        return CompatibilityLevel.BACKWARD_TRANSITIVE.incompatibilities(candidate, versions(subject));
    }

    /** Fails with every violation of every contract topic. */
    public void check() {
        List<String> failures = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            violations(topic.valueSubject(), topic.valueSchema())
                    .forEach(problem -> failures.add(topic.valueSubject() + ": " + problem));
        }
        if (!failures.isEmpty()) {
            throw new IncompatibleSchemaException(failures);
        }
    }

    /**
     * Records the current schema of every topic whose schema changed since its newest released version (or that was
     * never released) as the next version. Refuses if the change is not backward compatible.
     */
    public List<Path> release() {
        check();
        List<Path> written = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            List<Schema> versions = versions(topic.valueSubject());
            if (!versions.isEmpty() && versions.get(versions.size() - 1).equals(topic.valueSchema())) {
                continue;
            }
            Path file = root.resolve(topic.valueSubject()).resolve("v" + (versions.size() + 1) + ".avsc");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, topic.valueSchema().toString(true) + "\n", StandardCharsets.UTF_8);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written.add(file);
        }
        return written;
    }

    private static List<Path> versionFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> VERSION_FILE.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(ReleasedSchemas::versionOf))
                    .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int versionOf(Path file) {
        Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(file.toString());
        }
        return Integer.parseInt(matcher.group(1));
    }

    /**
     * Writes the next released versions: {@code java -cp ... io.cpor.schemas.compat.ReleasedSchemas [folder]},
     * run from {@code schemas/} (see its README).
     */
    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "released");
        List<Path> written = new ReleasedSchemas(root).release();
        System.out.println(written.isEmpty() ? "Nothing changed since the last release." : "Released " + written);
    }
}
