/**
 * What every CPOR service does the same way, auto-configured when a service depends on this module: Kafka error
 * handling (transient faults retried without end, poison records to the {@code <topic>.DLT} twin), a Kafka health
 * indicator for readiness, RFC 9457 problem answers for bad input, the problem answers of the security chain, the
 * business calendar, the clock and the solution catalog.
 */
package io.cpor.support;
