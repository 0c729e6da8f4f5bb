package io.cpor.schemas.serde;

import java.util.Map;
import org.apache.avro.Schema;

/**
 * The calls a serde makes to a Confluent-compatible schema registry. Implementations cache: after warm-up a serde
 * makes no call per record.
 */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (or finds it there) and returns its global id. */
    int register(String subject, Schema schema);

    /** The global id of a schema already registered under the subject; fails with 40401/40403 otherwise. */
    int lookup(String subject, Schema schema);

    /** The schema with this global id; fails with 40403 if there is none. */
    Schema schemaById(int id);

    /** The metadata and rules the schema with this id was registered with. */
    DataContract contractById(int id);

    /** The newest version registered under the subject. */
    RegisteredSchema latest(String subject);

    /** The newest version of the subject whose metadata has all these properties; fails with 40403 if none has. */
    RegisteredSchema latestWithMetadata(String subject, Map<String, String> properties);

    /** A version of the subject, soft-deleted ones included. */
    RegisteredSchema version(String subject, int version);

    /** The version of the subject that holds the schema with this id, soft-deleted ones included. */
    int versionOf(String subject, int id);
}
