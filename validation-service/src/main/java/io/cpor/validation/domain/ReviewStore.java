package io.cpor.validation.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where reviews are kept: one document per claim, with its unpublished events inside it. */
public interface ReviewStore {

    /**
     * Stores a new review (answering it, with its new events); empty if a review of the claim exists already. A
     * review not rejected holds its claim's workloads as open from this write on: {@link OpenClaims.Held} (and
     * nothing stored) if another open claim holds any of them.
     */
    Mono<Review> insert(Review review);

    Mono<Review> find(UUID claimId);

    /**
     * Stores a changed review if nobody changed it since it was read; empty if somebody did. A review rejected or
     * withdrawn by the change lets go of its open workloads in the same write.
     */
    Mono<Review> update(Review changed);

    /** Reviews in a status, oldest in the queue first, after a position. */
    Flux<Review> list(ReviewStatus status, Instant afterQueuedAt, UUID afterClaimId, int limit);

    /** Reviews whose information deadline has passed. */
    Flux<Review> dueTimers(Instant now);

    /** How many reviews are in a status, and since when the oldest waits. */
    Mono<Backlog> backlog(ReviewStatus status);

    Flux<Review> withPendingEvents();

    /** Forgets published events, by aggregate id, in one write. */
    Mono<Void> markPublished(java.util.Map<UUID, java.util.List<UUID>> eventIds);

    /** A count and the oldest queue time (null when none). */
    record Backlog(long count, Instant oldestQueuedAt) {
    }
}
