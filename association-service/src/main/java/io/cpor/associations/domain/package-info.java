/**
 * Associations: one partner per tenant and workload, reserved on approval, waiting on the customer until the
 * deadline notification-service told them, then active, or declined, removed or withdrawn. Pure Java; ports connect
 * it to MongoDB (requests, reservations, timers) and Kafka.
 */
package io.cpor.associations.domain;
