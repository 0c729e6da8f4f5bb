package io.cpor.local.registry;

/** A schema as one version of a subject, with when it was registered and whether it is soft deleted. */
record RegisteredVersion(String subject, int version, StoredSchema schema, long timestamp, boolean deleted) {
}
