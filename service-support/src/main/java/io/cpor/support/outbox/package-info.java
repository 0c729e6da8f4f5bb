/**
 * The transactional outbox, without transactions: a service stores an aggregate and the events it emits in one
 * document write; {@link io.cpor.support.outbox.OutboxRelay} publishes them (in order per aggregate, idempotent
 * producer, acks=all) and then has the store forget them; a sweep republishes whatever an outage or a crash left.
 */
package io.cpor.support.outbox;
