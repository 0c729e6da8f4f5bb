package io.cpor.claims.domain;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where claims are kept: one document per claim, with its unpublished events inside it. */
public interface ClaimStore {

    /**
     * Stores a new claim with its events in one write. If its idempotency scope is taken, emits a
     * {@link DuplicateSubmissionException} carrying the claim that took it.
     */
    Mono<Claim> insert(Claim claim);

    Mono<Claim> find(UUID claimId);

    /**
     * Stores a changed claim (its status, workloads, timeline and new events) if nobody changed it since it was
     * read; empty if somebody did (read again and retry).
     */
    Mono<Claim> update(Claim changed);

    /** The partner's claims matching the query, newest first. */
    Flux<Claim> list(String partnerId, ClaimQuery query);

    /** Claims with events not yet published. */
    Flux<Claim> withPendingEvents();

    /** Forgets events once the broker has them. */
    Mono<Void> markPublished(UUID claimId, java.util.List<UUID> eventIds);

    /** A filter and a position in the newest-first order. */
    record ClaimQuery(ClaimStatus status, UUID tenantId, Instant beforeSubmittedAt, UUID beforeClaimId, int limit) {
    }
}
