package io.cpor.local.registry;

import java.util.List;

/** A schema as a client sends it: the schema JSON as text, its type, and references to schemas it uses. */
record SchemaText(String schema, String schemaType, List<Reference> references) {

    SchemaText {
        schemaType = schemaType == null || schemaType.isBlank() ? "AVRO" : schemaType.trim().toUpperCase(
                java.util.Locale.ROOT);
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** A named type defined by a version of another subject. */
    record Reference(String name, String subject, int version) {
    }
}
