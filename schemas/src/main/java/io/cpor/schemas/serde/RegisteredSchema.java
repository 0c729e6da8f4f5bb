package io.cpor.schemas.serde;

import org.apache.avro.Schema;

/**
 * A schema as the registry knows it under a subject: its global id, its version in the subject, and the data
 * contract (metadata and rules) registered with it, kept whole so that nothing a client cannot run is lost.
 */
public record RegisteredSchema(String subject, int id, int version, Schema schema, DataContract contract) {

    public RegisteredSchema {
        contract = contract == null ? DataContract.NONE : contract;
    }

    public RegisteredSchema(String subject, int id, int version, Schema schema) {
        this(subject, id, version, schema, DataContract.NONE);
    }
}
