package io.cpor.local.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * A schema the registry holds under a global id: its canonical text (types from references printed by name only),
 * its references, and the parsed schema with the referenced types resolved, for compatibility checks.
 */
record StoredSchema(int id, String canonical, String schemaType, List<SchemaText.Reference> references,
        Schema parsed) {

    /** Two registrations are the same schema when text, type and references are the same. */
    String identity() {
        return schemaType + "|" + references + "|" + canonical;
    }
}
