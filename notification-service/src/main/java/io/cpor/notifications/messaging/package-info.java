/**
 * Kafka: events that need telling become queued mails (one per event, whatever the redeliveries), and the relay
 * publishes {@code CustomerNotified} once the customer's mail is sent.
 */
package io.cpor.notifications.messaging;
