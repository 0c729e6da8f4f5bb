package io.cpor.validation.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The review use cases: check a submitted claim, take a validator's decision (from the API or the topic, one code
 * path), run the information loop and its timeout, take a claim out of review when it is withdrawn. Every change is
 * stored with its events before anything is published.
 */
public class Reviews {

    /** Overdue reviews are counted up to this many; more is reported as this many. */
    static final int MAX_OVERDUE_COUNTED = 10_000;
    /** Another claim may take a workload between a refusal and the next try: a few tries settle it. */
    private static final int HOLD_TRIES = 4;

    private final ReviewStore store;
    private final TenantDirectory directory;
    private final SubscriptionDirectory subscriptions;
    private final PartnerRegistry partners;
    private final OpenClaims openClaims;
    private final ClaimChecks checks;
    private final ReviewEventsPublisher publisher;
    private final InformationWindow window;
    private final Clock clock;

    public Reviews(ReviewStore store, TenantDirectory directory, SubscriptionDirectory subscriptions,
            PartnerRegistry partners, OpenClaims openClaims, ClaimChecks checks, ReviewEventsPublisher publisher,
            InformationWindow window, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.subscriptions = subscriptions;
        this.partners = partners;
        this.openClaims = openClaims;
        this.checks = checks;
        this.publisher = publisher;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Runs every check of a newly submitted claim and stores the outcome: in review, or rejected with every reason.
     * A claim checked before is left as it is. An unreachable tenant directory fails the call (to be retried).
     */
    public Mono<Review> onSubmitted(UUID claimId, UUID eventId, Instant submittedAt, ClaimSnapshot claim) {
        return store.find(claimId).switchIfEmpty(Mono.defer(() -> lookUp(claim)
                .flatMap(found -> submitted(claimId, eventId, submittedAt, claim, found, List.of(), HOLD_TRIES))
                .doOnNext(publisher::publishSoon)));
    }

    /**
     * Stores the checked review, holding its workloads (usually nobody else holds any: one write). If another open
     * claim holds some, the claim is checked again knowing which, and is rejected as a duplicate.
     */
    private Mono<Review> submitted(UUID claimId, UUID eventId, Instant submittedAt, ClaimSnapshot claim,
            Found found, List<String> heldByOthers, int tries) {
        Review review = Review.checked(claimId, claim, eventId, submittedAt,
                found.results(checks, claim, heldByOthers), now());
        return store.insert(review).switchIfEmpty(Mono.defer(() -> store.find(claimId)))
                .onErrorResume(OpenClaims.Held.class, held -> tries <= 1 ? Mono.error(held)
                        : openClaims.heldByOthers(claimId, claim).flatMap(others -> submitted(claimId, eventId,
                                submittedAt, claim, found, others, tries - 1)));
    }

    /**
     * The partner changed the claim while a validator's question was open: every check runs again on the changed
     * claim (its workloads held as open anew), and the validator sees the changes with the question. If the question
     * is no longer open (it timed out meanwhile), the claim is only taken as it is now.
     */
    public Mono<Review> onAmended(UUID claimId, UUID eventId, Instant at, ClaimSnapshot claim,
            List<ClaimChange> changes) {
        return get(claimId).flatMap(review -> {
            if (review.seen(eventId)) {
                return Mono.just(review);
            }
            if (!review.state().claim().sameClaimAs(claim)) {
                // Before anything is held for it: such an event is refused whole.
                return Mono.error(Review.refusedAmendment(claimId, eventId));
            }
            Mono<List<CheckResult>> results = review.status() == ReviewStatus.INFORMATION_REQUESTED
                    ? check(claimId, claim) : Mono.just(review.state().checks());
            return results.flatMap(checked -> change(claimId, current -> current.amended(eventId, at, claim, changes,
                    checked)));
        });
    }

    /**
     * The partner disputes the rejection: the claim is held as open again (the duplicate check runs again, for the
     * validator to see) and goes back to review with the dispute.
     */
    public Mono<Review> onDisputed(UUID claimId, UUID eventId, Instant at, String justification,
            List<ClaimSnapshot.DocumentRef> documents) {
        return get(claimId).flatMap(review -> review.status() != ReviewStatus.REJECTED || review.seen(eventId)
                || review.state().dispute() != null ? Mono.just(review)
                : openClaims.reserve(claimId, review.state().claim())
                        .flatMap(held -> change(claimId, current -> current.disputed(eventId, at, justification,
                                documents, ClaimChecks.duplicates(held)))));
    }

    /**
     * The approved claim asks for what other partners hold: it goes back to review for arbitration, with each
     * holder's claim and review as this service has them.
     */
    public Mono<Review> onContested(UUID claimId, UUID eventId, Instant at, Map<UUID, List<String>> byHolder) {
        return Flux.fromIterable(byHolder.entrySet())
                .concatMap(holder -> store.find(holder.getKey())
                        .map(review -> new Arbitration.Holder(holder.getKey(), holder.getValue(),
                                review.state().claim(), review.state().decidedBy(), review.state().exchanges()))
                        .defaultIfEmpty(new Arbitration.Holder(holder.getKey(), holder.getValue(), null, null,
                                List.of())))
                .collectList()
                .flatMap(holders -> change(claimId, review -> review.contested(eventId, at, byHolder.values().stream()
                        .flatMap(List::stream).distinct().toList(), holders)));
    }

    /** The holders let go of what the claim contested: its arbitration is over. */
    public Mono<Review> onUncontested(UUID claimId, UUID eventId, Instant at) {
        return change(claimId, review -> review.uncontested(eventId, at));
    }

    /**
     * Every check of a stored review's claim; the claim's workloads are held as open (the duplicate check). The
     * directories are asked first: one that cannot be reached fails the call (to be retried) before anything is held.
     */
    private Mono<List<CheckResult>> check(UUID claimId, ClaimSnapshot claim) {
        return lookUp(claim).flatMap(found -> openClaims.reserve(claimId, claim)
                .map(held -> found.results(checks, claim, held)));
    }

    /** What the directories say of a claim: its domain's tenant, its contact's, the partner's programs. */
    private Mono<Found> lookUp(ClaimSnapshot claim) {
        String contactDomain = ClaimChecks.emailDomain(claim.customerContact().email());
        Mono<Optional<UUID>> contactTenant = contactDomain.isEmpty() ? Mono.just(Optional.empty())
                : directory.tenantOf(contactDomain);
        Mono<Optional<SubscriptionDirectory.Subscription>> subscription = checks.checksSubscription(claim)
                ? subscriptions.subscription(claim.subscriptionId()) : Mono.just(Optional.empty());
        return Mono.zip(directory.tenantOf(claim.domain()), contactTenant, partners.programsOf(claim.partnerId()),
                        subscription)
                .map(found -> new Found(found.getT1(), found.getT2(), found.getT3(), found.getT4()));
    }

    /** The directories' answers about a claim, from which its checks follow. */
    private record Found(Optional<UUID> tenant, Optional<UUID> contactTenant, Optional<Set<String>> programs,
            Optional<SubscriptionDirectory.Subscription> subscription) {

        /** Every check of the claim, given the workloads other open claims hold. */
        List<CheckResult> results(ClaimChecks checks, ClaimSnapshot claim, List<String> heldByOthers) {
            List<CheckResult> results = new ArrayList<>();
            results.add(ClaimChecks.tenant(claim, tenant));
            results.add(ClaimChecks.contact(claim, contactTenant));
            results.add(ClaimChecks.enrolment(claim, programs));
            results.addAll(checks.ofClaim(claim));
            if (checks.checksSubscription(claim)) {
                results.addAll(ClaimChecks.subscription(claim, subscription));
            }
            results.add(ClaimChecks.duplicates(heldByOthers));
            return results;
        }
    }

    /**
     * Applies a validator's decision. A decision seen before changes nothing ({@code applied} false); one for a
     * claim that is not awaiting a decision fails with {@link NotInReviewException}.
     */
    public Mono<Decided> decide(UUID claimId, Decision decision, boolean record) {
        return Mono.defer(() -> get(claimId))
                .flatMap(before -> {
                    boolean repeated = before.seen(decision.decisionId());
                    return change(claimId, review -> review.seen(decision.decisionId()) ? review
                            : review.decide(decision, window.answerBy(decision.decidedAt()), record))
                            .map(after -> new Decided(after, !repeated));
                });
    }

    /** A review after a decision, and whether the decision was applied now (false: it was seen before). */
    public record Decided(Review review, boolean applied) {
    }

    public Mono<Review> onInformationProvided(UUID claimId, UUID eventId, Instant at, String answer,
            List<ClaimSnapshot.DocumentRef> documents) {
        return change(claimId, review -> review.informationProvided(eventId, at, answer, documents));
    }

    /** Out of review, and its workloads are free (an approved claim's too: it is no longer open). */
    public Mono<Review> onWithdrawn(UUID claimId, UUID eventId, Instant at) {
        return change(claimId, review -> review.withdrawn(eventId, at))
                // Taken out of review, it let go in the same write.
                .flatMap(review -> review.status() == ReviewStatus.WITHDRAWN ? Mono.just(review)
                        : openClaims.release(claimId).thenReturn(review));
    }

    /** The customer declined or removed the association: the claim is no longer open. */
    public Mono<Void> onClaimClosed(UUID claimId) {
        return openClaims.release(claimId);
    }

    /** Rejects every claim whose information deadline has passed; answers how many. */
    public Mono<Long> rejectOverdue() {
        Instant now = now();
        return store.dueTimers(now)
                .flatMap(due -> change(due.claimId(), review -> review.informationTimedOut(now)), 4)
                .count();
    }

    public Mono<Review> get(UUID claimId) {
        return store.find(claimId).switchIfEmpty(Mono.error(() -> new ReviewNotFoundException(claimId)));
    }

    public Flux<Review> list(ReviewStatus status, Instant afterQueuedAt, UUID afterClaimId, int limit) {
        return store.list(status, afterQueuedAt, afterClaimId, limit);
    }

    public Mono<ReviewStore.Backlog> backlog(ReviewStatus status) {
        return store.backlog(status);
    }

    /**
     * How many reviews awaiting a decision are past their due date. The queue is in order of entry and the due date
     * grows with the entry time, so the count reads the overdue reviews and one more.
     */
    public Mono<Long> overdue(ReviewDeadline deadline) {
        Instant now = clock.instant();
        return store.list(ReviewStatus.IN_REVIEW, null, null, MAX_OVERDUE_COUNTED)
                .takeWhile(review -> !deadline.dueBy(review.state().queuedAt()).isAfter(now))
                .count();
    }

    private Mono<Review> change(UUID claimId, UnaryOperator<Review> step) {
        return Mono.defer(() -> get(claimId))
                .flatMap(review -> {
                    Review changed = step.apply(review);
                    return changed == review ? Mono.just(review)
                            : store.update(changed).switchIfEmpty(Mono.error(ConcurrentChange::new))
                                    .doOnNext(publisher::publishSoon);
                })
                .retryWhen(Retry.backoff(20, Duration.ofMillis(2)).maxBackoff(Duration.ofMillis(100))
                        .filter(ConcurrentChange.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Somebody changed the review between read and write. */
    private static final class ConcurrentChange extends RuntimeException {

        ConcurrentChange() {
            super("The review changed while being updated", null, false, false);
        }
    }
}
