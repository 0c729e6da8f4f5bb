/**
 * Outgoing mail: one per event that needs telling, queued before anything is sent, sent by a worker that retries
 * until the SMTP server takes it, and, for the customer's association request, the decline deadline and the
 * {@code CustomerNotified} event that follows the send. Pure Java; ports connect it to MongoDB, SMTP, templates.
 */
package io.cpor.notifications.domain;
