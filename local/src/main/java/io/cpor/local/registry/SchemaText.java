package io.cpor.local.registry;

import io.cpor.schemas.datacontract.Metadata;
import io.cpor.schemas.datacontract.RuleSet;
import java.util.List;
import java.util.Locale;

/**
 * A schema as a client sends it: the schema JSON as text (empty to reuse the previous version's, with new metadata),
 * its type, references to schemas it uses, its data contract (metadata and rule set, either absent), and the id and
 * version an import names.
 */
record SchemaText(String schema, String schemaType, List<Reference> references, Metadata metadata, RuleSet ruleSet,
        Integer id, Integer version) {

    SchemaText {
        schemaType = schemaType == null || schemaType.isBlank() ? "AVRO" : schemaType.trim().toUpperCase(Locale.ROOT);
        references = references == null ? List.of() : List.copyOf(references);
    }

    SchemaText(String schema, String schemaType, List<Reference> references) {
        this(schema, schemaType, references, null, null, null, null);
    }

    boolean blank() {
        return schema == null || schema.isBlank();
    }

    SchemaText withContract(Metadata newMetadata, RuleSet newRuleSet) {
        return new SchemaText(schema, schemaType, references, newMetadata, newRuleSet, id, version);
    }

    SchemaText withSchema(String newSchema, String newType, List<Reference> newReferences) {
        return new SchemaText(newSchema, newType, newReferences, metadata, ruleSet, id, version);
    }

    /** A named type defined by a version of another subject. */
    record Reference(String name, String subject, int version) implements Comparable<Reference> {

        @Override
        public int compareTo(Reference other) {
            int byName = name.compareTo(other.name);
            if (byName != 0) {
                return byName;
            }
            int bySubject = subject.compareTo(other.subject);
            return bySubject != 0 ? bySubject : Integer.compare(version, other.version);
        }
    }
}
