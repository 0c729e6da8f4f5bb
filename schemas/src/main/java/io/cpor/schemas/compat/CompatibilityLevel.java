package io.cpor.schemas.compat;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The compatibility levels of the Confluent Schema Registry. BACKWARD: the new schema reads data written with the
 * previous one; FORWARD: data written with the new schema is read with the previous one; FULL: both.
 * The transitive variants check against every earlier version instead of only the newest.
 */
public enum CompatibilityLevel {

    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /**
     * Why {@code candidate} may not follow {@code previous} (oldest first) at this level; empty when it may.
     */
    public List<String> incompatibilities(Schema candidate, List<Schema> previous) {
        List<String> problems = new ArrayList<>();
        if (previous.isEmpty()) {
            return problems;
        }
        List<Schema> against = transitive ? previous : List.of(previous.get(previous.size() - 1));
        for (Schema earlier : against) {
            if (backward) {
                describe(candidate, earlier, "the new schema cannot read data written with an earlier one", problems);
            }
            if (forward) {
                describe(earlier, candidate, "an earlier schema cannot read data written with the new one", problems);
            }
        }
        return problems;
    }

    public boolean compatible(Schema candidate, List<Schema> previous) {
        return incompatibilities(candidate, previous).isEmpty();
    }

    private static void describe(Schema reader, Schema writer, String direction, List<String> problems) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            problems.add(incompatibility.getType() + " at " + incompatibility.getLocation() + ": "
                    + incompatibility.getMessage() + " (" + direction + ")");
        }
    }

    /** The level named like Confluent names it, e.g. {@code BACKWARD_TRANSITIVE}; case-insensitive. */
    public static CompatibilityLevel named(String name) {
        return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
