/** Kafka: approvals, notifications and withdrawals in; association events out through the outbox relay. */
package io.cpor.associations.messaging;
