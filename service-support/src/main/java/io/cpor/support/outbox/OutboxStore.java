package io.cpor.support.outbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the relay needs of a service's store. */
public interface OutboxStore {

    /** The aggregate's unpublished events as stored now (empty if there is no such aggregate). */
    Mono<PendingMessages> pending(UUID aggregateId);

    /** Every aggregate with unpublished events. */
    Flux<PendingMessages> withPending();

    /**
     * Forgets events the broker acknowledged, of many aggregates at once (by aggregate id): a store writes them in
     * one statement where it can, since the relay gathers them for that.
     */
    Mono<Void> forget(Map<UUID, List<UUID>> eventIds);
}
