package io.cpor.claims.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The claim use cases: a partner submits, reads, lists, answers and withdraws its own claims; the other services'
 * facts update them. Every change is stored (with its events) before it is answered; publishing follows.
 */
public class Claims {

    private static final int CONCURRENT_CHANGE_ATTEMPTS = 20;

    private final ClaimStore store;
    private final ClaimEventsPublisher publisher;
    private final Clock clock;
    private final Duration disputeWindow;

    /** Now, to the millisecond: what the store and the events keep, so an answer read back is the same. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public Claims(ClaimStore store, ClaimEventsPublisher publisher, Duration disputeWindow, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.disputeWindow = disputeWindow;
        this.clock = clock;
    }

    /** How long after its rejection a claim may be disputed. */
    public Duration disputeWindow() {
        return disputeWindow;
    }

    /**
     * Stores a new claim with its {@code ClaimSubmitted} event. A retry with the same idempotency key and the same
     * body gets the claim first stored; with another body it is refused.
     */
    public Mono<Claim> submit(ClaimDetails details, UUID requestId, Idempotency idempotency) {
        Claim claim = Claim.submit(UUID.randomUUID(), details, now(), requestId, idempotency);
        return store.insert(claim)
                .doOnNext(publisher::publishSoon)
                .onErrorResume(DuplicateSubmissionException.class, duplicate -> {
                    Claim first = duplicate.existing();
                    boolean sameBody = idempotency != null && first.state().idempotency() != null
                            && first.state().idempotency().fingerprint().equals(idempotency.fingerprint());
                    return sameBody ? Mono.just(first) : Mono.error(new IdempotencyConflictException());
                });
    }

    /** Stores a new claim with the given id (a submitted draft's) and its {@code ClaimSubmitted} event. */
    public Mono<Claim> submit(UUID claimId, ClaimDetails details, UUID requestId) {
        return store.insert(Claim.submit(claimId, details, now(), requestId, null)).doOnNext(publisher::publishSoon);
    }

    /** The caller's claim if there is one with this id. */
    public Mono<Claim> find(String partnerId, UUID claimId) {
        return store.find(claimId).filter(claim -> claim.belongsTo(partnerId));
    }

    /** The caller's claim; another partner's claim is not found. */
    public Mono<Claim> get(String partnerId, UUID claimId) {
        return store.find(claimId)
                .filter(claim -> claim.belongsTo(partnerId))
                .switchIfEmpty(Mono.error(() -> new ClaimNotFoundException(claimId)));
    }

    public Flux<Claim> list(String partnerId, ClaimStore.ClaimQuery query) {
        return store.list(partnerId, query);
    }

    public Mono<Claim> provideInformation(String partnerId, UUID claimId, String message,
            List<ClaimDetails.DocumentRef> documents, UUID requestId) {
        return change(partnerId, claimId, claim -> claim.provideInformation(message, documents, now(),
                requestId));
    }

    /** The partner changes its claim while a validator's question is open; see {@link Claim#amend}. */
    public Mono<Claim> amend(String partnerId, UUID claimId,
            java.util.function.Function<ClaimDetails, ClaimDetails.Amendment> patch, UUID requestId) {
        return change(partnerId, claimId, claim -> claim.amend(patch, now(), requestId));
    }

    /** The partner disputes its claim's rejection; see {@link Claim#dispute}. */
    public Mono<Claim> dispute(String partnerId, UUID claimId, String justification,
            List<ClaimDetails.DocumentRef> documents, UUID requestId) {
        return change(partnerId, claimId, claim -> claim.dispute(justification, documents, now(), requestId,
                disputeWindow));
    }

    public Mono<Claim> withdraw(String partnerId, UUID claimId, String reason, UUID requestId) {
        return change(partnerId, claimId, claim -> claim.withdraw(reason, now(), requestId));
    }

    /**
     * Applies another service's fact to the claim it is about. Empty if there is no such claim (it is not this
     * service's to know); the claim unchanged if the fact was seen before.
     */
    public Mono<Claim> record(UUID claimId, ClaimFact fact) {
        return Mono.defer(() -> store.find(claimId))
                .flatMap(claim -> {
                    Claim changed = claim.apply(fact);
                    return changed == claim ? Mono.just(claim) : store.update(changed)
                            .switchIfEmpty(Mono.error(ConcurrentChange::new));
                })
                .retryWhen(concurrentChanges());
    }

    /** A partner's change of its claim; one that changes nothing is not stored. */
    private Mono<Claim> change(String partnerId, UUID claimId, java.util.function.UnaryOperator<Claim> change) {
        return Mono.defer(() -> get(partnerId, claimId))
                .flatMap(claim -> {
                    Claim changed = change.apply(claim);
                    return changed == claim ? Mono.just(claim)
                            : store.update(changed).switchIfEmpty(Mono.error(ConcurrentChange::new));
                })
                .retryWhen(concurrentChanges())
                .doOnNext(publisher::publishSoon);
    }

    private static Retry concurrentChanges() {
        return Retry.backoff(CONCURRENT_CHANGE_ATTEMPTS, Duration.ofMillis(2)).maxBackoff(Duration.ofMillis(100))
                .filter(ConcurrentChange.class::isInstance)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    /** Somebody changed the claim between read and write. */
    private static final class ConcurrentChange extends RuntimeException {

        ConcurrentChange() {
            super("The claim changed while being updated", null, false, false);
        }
    }
}
