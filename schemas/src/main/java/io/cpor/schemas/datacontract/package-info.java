/**
 * Confluent's data contracts as a schema registry stores them beside a schema: {@link Metadata} (properties, tags,
 * sensitive fields) and a {@link RuleSet} of domain, migration and encoding rules, with Confluent's validation and
 * merge rules. The local registry keeps them per version; the serde reads them to decide which rules apply to a record.
 */
package io.cpor.schemas.datacontract;
