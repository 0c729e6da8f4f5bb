/**
 * A Kafka serializer and deserializer for Avro in the Confluent wire format (byte 0 = magic 0, bytes 1-4 = the
 * schema id, big-endian, then the Avro binary body), with a caching client of the Confluent Schema Registry REST
 * API. Configured with the keys Confluent's own serde uses, so a Confluent client on the other side of a topic
 * reads what these write and the reverse.
 */
package io.cpor.schemas.serde;
