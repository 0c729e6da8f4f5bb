package io.cpor.associations.domain;

import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The requests waiting on their customer, by deadline. A request's timer is part of the request itself (its deadline
 * and its shard, set by the step that makes it wait and cleared by the step that ends the wait), so firing a timer is
 * one guarded update of the request. Each instance fires the timers of the shards it holds ({@link TimerShards}), so
 * instances take disjoint sets; any instance fires a timer overdue by more than the grace, so a shard nobody holds
 * still fires.
 */
public interface Timers {

    /** Up to {@code limit} requests of the shard due by {@code now}, soonest deadline first. */
    Flux<AssociationRequest> due(int shard, Instant now, int limit);

    /** Up to {@code limit} requests of any shard due by {@code before}, soonest deadline first. */
    Flux<AssociationRequest> overdue(Instant before, int limit);

    /** Timers due and not fired, and the oldest due time among them (null if none). */
    Mono<Backlog> backlog(Instant now);

    /** What is overdue. */
    record Backlog(long pending, long due, Instant oldestDueAt) {
    }
}
