package io.cpor.associations.domain;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Durable timers, one per request waiting on its customer. Any instance may fire a due one: it takes it under a lease,
 * so no other instance takes it meanwhile; one taken by an instance that died is taken again when the lease ends.
 */
public interface Timers {

    /** Sets the request's timer (again: the same due time, nothing new). */
    Mono<Void> schedule(UUID requestId, Instant dueAt);

    /** Takes up to {@code limit} timers due by {@code now}, leased until {@code leaseUntil}. */
    Flux<Timer> takeDue(Instant now, Instant leaseUntil, int limit);

    /** The timer is done with (fired, or its request no longer waits). */
    Mono<Void> cancel(UUID requestId);

    /** Timers due and not fired, and the oldest due time among them (null if none). */
    Mono<Backlog> backlog(Instant now);

    /** A timer taken to fire. */
    record Timer(UUID requestId, Instant dueAt) {
    }

    /** What is overdue. */
    record Backlog(long pending, long due, Instant oldestDueAt) {
    }
}
