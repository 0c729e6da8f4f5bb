package io.cpor.local.registry;

/** A schema as one version of a subject. */
record RegisteredVersion(String subject, int version, StoredSchema schema) {
}
