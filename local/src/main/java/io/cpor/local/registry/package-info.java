/**
 * A schema registry answering the Confluent Schema Registry REST API v1 as real clients use it: registration with
 * global ids, look-up, schemas by id, subjects and versions, soft and permanent deletes, compatibility checks with
 * Avro's own checker (BACKWARD by default), data contracts (metadata and rule sets per version), configs and modes,
 * with Confluent 8's answers and error codes. State is kept in one file, replaced atomically and
 * flushed to disk on every change, so what was acknowledged survives a crash.
 */
package io.cpor.local.registry;
