/**
 * The contract between the CPOR services: topic names and what travels on each ({@link io.cpor.schemas.Topic}),
 * how derived events get their ids ({@link io.cpor.schemas.EventIds}), the solution catalog and the Avro serde.
 * The event classes themselves are generated from the {@code .avsc} files under {@code src/main/avro}.
 * Nothing here depends on Spring, so any Kafka client (a validator's tool included) can use it.
 */
package io.cpor.schemas;
