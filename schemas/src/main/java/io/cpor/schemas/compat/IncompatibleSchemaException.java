package io.cpor.schemas.compat;

import java.util.List;

/** A schema change that would break readers of data already written. */
public class IncompatibleSchemaException extends RuntimeException {

    private final List<String> violations;

    public IncompatibleSchemaException(List<String> violations) {
        super("Schema change is not backward compatible with a released version:\n  "
                + String.join("\n  ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
