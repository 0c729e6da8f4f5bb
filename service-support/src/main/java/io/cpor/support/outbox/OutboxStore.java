package io.cpor.support.outbox;

import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the relay needs of a service's store. */
public interface OutboxStore {

    /** The aggregate's unpublished events as stored now (empty if there is no such aggregate). */
    Mono<PendingMessages> pending(UUID aggregateId);

    /** Every aggregate with unpublished events. */
    Flux<PendingMessages> withPending();

    /** Forgets events the broker acknowledged. */
    Mono<Void> forget(UUID aggregateId, List<UUID> eventIds);
}
