/** Kafka error handling, dead-letter twins and health shared by the services. */
package io.cpor.support.kafka;
