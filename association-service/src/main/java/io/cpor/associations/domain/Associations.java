package io.cpor.associations.domain;

import io.cpor.schemas.catalog.SolutionCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The association use cases. Every step reads the request, applies the domain's rule, and stores the result under
 * a condition on the revision it read; a concurrent step (the timer and a decline at the same moment, two instances)
 * makes one of them read again and re-decide. What follows a step (releasing workloads, setting or cancelling the
 * timer) is idempotent and is done again when the step is replayed.
 */
public class Associations {

    private static final Logger log = LoggerFactory.getLogger(Associations.class);
    private static final int SHARDS_AT_ONCE = 3;
    /** Another request may take a key between a look and the store: a few tries settle it. */
    private static final int OPEN_TRIES = 4;

    private final AssociationStore store;
    private final Reservations reservations;
    private final SolutionCatalog catalog;
    private final Timers timers;
    private final DeclineLinks links;
    private final AssociationEventsPublisher publisher;
    private final Clock clock;
    private final Duration linkLifetime;
    private final Duration timerGrace;

    public Associations(AssociationStore store, Reservations reservations, SolutionCatalog catalog, Timers timers,
            DeclineLinks links, AssociationEventsPublisher publisher, Clock clock, Duration linkLifetime,
            Duration timerGrace) {
        this.store = store;
        this.reservations = reservations;
        this.catalog = catalog;
        this.timers = timers;
        this.links = links;
        this.publisher = publisher;
        this.clock = clock;
        this.linkLifetime = linkLifetime;
        this.timerGrace = timerGrace;
    }

    /**
     * Reserves the approved claim's workloads that no other partner holds and opens the request. Handled once per
     * approval: a redelivery finds the request. Empty if the claim was withdrawn first.
     */
    public Mono<AssociationRequest> approve(ApprovedClaim claim) {
        UUID id = AssociationRequest.idFor(claim.approvedEventId());
        return store.find(id)
                .switchIfEmpty(Mono.defer(() -> store.wasWithdrawn(claim.claimId()).flatMap(withdrawn -> {
                    if (withdrawn) {
                        log.info("Claim {} was withdrawn before its approval arrived: nothing reserved",
                                claim.claimId());
                        return Mono.empty();
                    }
                    return open(claim, id);
                })));
    }

    /** The customer was told; the request waits on them until the deadline, with a timer set for it. */
    public Mono<AssociationRequest> customerNotified(UUID requestId, UUID eventId, Instant sentAt,
            Instant declineBy) {
        return change(requestId, request -> request.notified(eventId, sentAt, declineBy, now()));
    }

    /**
     * Fires the timers due now of these shards, and those of any shard overdue by more than the timer grace: each
     * waiting request whose deadline passed becomes active, up to {@code limit} a shard, all in one write. Answers how
     * many were due, how many this call made active (not those another instance, or a decline, settled first), and
     * whether a shard had more due than it took.
     */
    public Mono<Fired> fireDueTimers(Set<Integer> shards, int limit) {
        Instant now = now();
        // Shards are fired a few at a time: one's write overlaps the next one's read and the events' publication.
        return Flux.fromIterable(new TreeSet<>(shards))
                .flatMap(shard -> timers.due(shard, now, limit).collectList()
                        .flatMap(due -> fire(due, now, limit)), SHARDS_AT_ONCE)
                .concatWith(Mono.defer(() -> timers.overdue(now.minus(timerGrace), limit).collectList()
                        .flatMap(due -> fire(due, now, limit))))
                .reduce(new Fired(0, 0, false), Fired::and);
    }

    private Mono<Fired> fire(List<AssociationRequest> due, Instant now, int limit) {
        return activate(due, now).map(activated -> new Fired(due.size(), activated, due.size() >= limit));
    }

    /**
     * Makes these waiting requests active in one write. One that moved on meanwhile (declined, or fired by another
     * instance) is left as it is: still waiting, it is due at the next look.
     */
    private Mono<Integer> activate(List<AssociationRequest> due, Instant now) {
        List<AssociationRequest> steps = due.stream().map(request -> request.activated(now))
                .filter(step -> !step.newEvents().isEmpty()).toList();
        return store.updateAll(steps, UUID.randomUUID())
                .doOnNext(publisher::publishSoon)
                .count()
                .map(Long::intValue);
    }

    /**
     * What one look at the due timers did: timers due, requests it made active, and whether a shard had more due
     * than one look takes (look again at once).
     */
    public record Fired(int taken, int activated, boolean more) {

        Fired and(Fired other) {
            return new Fired(taken + other.taken, activated + other.activated, more || other.more);
        }
    }

    /** The request a decline link is for; empty for a link that is not ours. */
    public Mono<AssociationRequest> forLink(String token) {
        if (!DeclineLinks.wellFormed(token)) {
            return Mono.empty();
        }
        return store.findByTokenHash(DeclineLinks.hash(token));
    }

    /**
     * The customer confirmed on the decline page at {@code clickAt}: declined before the deadline, removed after it.
     * Empty for a link that is not ours; {@link NotOpenException} if there is nothing to decline any more.
     */
    public Mono<AssociationRequest> decline(String token, Instant clickAt) {
        return forLink(token).flatMap(found -> change(found.requestId(), request -> request.declined(clickAt, now())));
    }

    /** The partner withdrew the claim: its workloads are released unless the association is active. */
    public Mono<AssociationRequest> withdraw(UUID claimId, Instant at) {
        return store.rememberWithdrawal(claimId, at)
                .then(store.findByClaim(claimId))
                .flatMap(found -> change(found.requestId(), request -> request.withdrawn(at)));
    }

    /**
     * The partner ends its association; another partner's request is not found (empty). {@link NotOpenException} if
     * it holds nothing any more.
     */
    public Mono<AssociationRequest> disassociate(String partnerId, UUID requestId, String reason) {
        return store.find(requestId)
                .filter(request -> request.state().claim().partnerId().equals(partnerId))
                .flatMap(found -> change(found.requestId(), request -> request.disassociated(reason, now())));
    }

    public Flux<AssociationRequest> list(String partnerId, AssociationStore.AssociationQuery query) {
        return store.listForPartner(partnerId, query);
    }

    public Mono<Timers.Backlog> timerBacklog() {
        return timers.backlog(now());
    }

    private Mono<AssociationRequest> open(ApprovedClaim claim, UUID id) {
        Instant now = now();
        List<String> wanted = claim.workloads().stream().distinct().toList();
        // Usually nobody holds any of them: the request is stored holding them all, in one write.
        return opened(claim, wanted.stream().map(workload -> new WorkloadClaim(workload,
                        WorkloadClaim.Outcome.RESERVED)).toList(), id, now)
                .onErrorResume(Reservations.Held.class, held -> openAgainstHolders(claim, id, wanted, now,
                        OPEN_TRIES))
                .doOnNext(publisher::publishSoon);
    }

    /**
     * Another request holds some of them: each workload is looked at on its own, with its holder's story, and the
     * request is stored holding those found free. Should another take one of them first, it looks again.
     */
    private Mono<AssociationRequest> openAgainstHolders(ApprovedClaim claim, UUID id, List<String> wanted,
            Instant now, int tries) {
        return Flux.fromIterable(wanted).concatMap(workload -> reserve(claim, id, workload, now, 2, false))
                .collectList()
                .flatMap(workloads -> opened(claim, workloads, id, now))
                .onErrorResume(Reservations.Held.class, held -> tries <= 1 ? Mono.error(held)
                        : openAgainstHolders(claim, id, wanted, now, tries - 1));
    }

    /** Stores the request opened with these outcomes, holding the keys of the workloads it reserved. */
    private Mono<AssociationRequest> opened(ApprovedClaim claim, List<WorkloadClaim> workloads, UUID id,
            Instant now) {
        DeclineLinks.Link link = links.newLink();
        AssociationRequest opened = AssociationRequest.opened(claim, workloads, link.tokenHash(), link.url(), now,
                now.plus(linkLifetime));
        List<String> keys = workloads.stream().filter(WorkloadClaim::reserved)
                .map(workload -> claim.holdingKey(workload.workload(), holds(claim))).distinct().toList();
        // A concurrent delivery of the same approval may have stored it first: that one stands.
        return store.insert(opened, keys).switchIfEmpty(Mono.defer(() -> store.find(id)));
    }

    /**
     * Reserves the workload's key for the request: a stored request takes it at once, one being opened only looks
     * (it holds what it found free once stored). Held by another partner's request that holds it (reserved, waiting
     * on the customer, active or itself contested), it is contested: Microsoft arbitrates. A key whose request no
     * longer holds it (a crash came between the request's step and the release) is stale and taken over.
     */
    private Mono<WorkloadClaim> reserve(ApprovedClaim claim, UUID id, String workload, Instant now, int tries,
            boolean stored) {
        String key = claim.holdingKey(workload, holds(claim));
        Mono<Reservations.Holder> taken = stored ? reservations.reserve(key, id)
                : reservations.holder(key).defaultIfEmpty(new Reservations.Holder(id, claim.partnerId()));
        return taken.flatMap(holder -> {
            if (holder.requestId().equals(id)) {
                return Mono.just(new WorkloadClaim(workload, WorkloadClaim.Outcome.RESERVED));
            }
            return store.find(holder.requestId()).map(java.util.Optional::of)
                    .defaultIfEmpty(java.util.Optional.empty()).flatMap(found -> {
                        boolean stale = found.map(request -> !request.status().holdsWorkloads()).orElse(true);
                        if (stale && tries > 0) {
                            return takeOver(key, holder, id, stored)
                                    .flatMap(took -> took ? Mono.just(new WorkloadClaim(workload,
                                            WorkloadClaim.Outcome.RESERVED))
                                            : reserve(claim, id, workload, now, tries - 1, stored));
                        }
                        if (holder.partnerId().equals(claim.partnerId())) {
                            return Mono.just(new WorkloadClaim(workload, WorkloadClaim.Outcome.ALREADY_ASSOCIATED));
                        }
                        return Mono.just(found.map(request -> new WorkloadClaim(workload,
                                WorkloadClaim.Outcome.CONTESTED, new WorkloadClaim.Holder(request.requestId(),
                                        request.state().claim().claimId(), holder.partnerId())))
                                .orElse(new WorkloadClaim(workload, WorkloadClaim.Outcome.HELD_BY_ANOTHER_PARTNER)));
                    });
        });
    }

    /** Takes a key from its holder; a stored request holds it then, one being opened once stored. */
    private Mono<Boolean> takeOver(String key, Reservations.Holder holder, UUID id, boolean stored) {
        return reservations.letGo(key, holder).flatMap(let -> !let || !stored ? Mono.just(let)
                : reservations.reserve(key, id).map(now -> now.requestId().equals(id)));
    }

    /**
     * Validators arbitrated for the claim's contested request. Kept: each contested workload stays its holder's
     * (unless its holder let it go meanwhile: then it is free, and reserved). Awarded: each holder's workloads under
     * the contested keys end (superseded), and the keys pass to the claimant. Then the customer is asked about what
     * the claimant holds. A decision for a request not contested (delivered again, or withdrawn meanwhile) changes
     * nothing.
     */
    public Mono<AssociationRequest> arbitrated(UUID claimId, UUID decisionEventId, boolean awarded) {
        Instant now = now();
        return store.findByClaim(claimId)
                .filter(request -> request.status() == AssociationStatus.CONTESTED)
                .flatMap(request -> Flux.fromIterable(request.state().workloads())
                        .filter(WorkloadClaim::contested)
                        .concatMap(contested -> (awarded ? award(request, contested, decisionEventId, now)
                                : keep(request, contested, now))
                                .map(outcome -> java.util.Map.entry(contested.workload(), outcome)))
                        .collectMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)
                        .flatMap(resolved -> {
                            DeclineLinks.Link link = links.newLink();
                            return change(request.requestId(), current -> current.arbitrated(decisionEventId,
                                    resolved, link.tokenHash(), link.url(), now, now.plus(linkLifetime)));
                        }));
    }

    /**
     * The holder let go of what the request contests: those workloads are free (or taken by someone else first), and
     * the request goes on without an arbitration once nothing is contested any more.
     */
    private Mono<AssociationRequest> letGo(AssociationRequest request, UUID holderRequestId) {
        Instant now = now();
        return Flux.fromIterable(request.state().workloads())
                .filter(workload -> workload.contested() && workload.holder().requestId().equals(holderRequestId))
                .concatMap(contested -> keep(request, contested, now)
                        .map(outcome -> java.util.Map.entry(contested.workload(), outcome)))
                .collectMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)
                .flatMap(resolved -> {
                    DeclineLinks.Link link = links.newLink();
                    return change(request.requestId(), current -> current.holderLetGo(holderRequestId, resolved,
                            link.tokenHash(), link.url(), now, now.plus(linkLifetime)));
                });
    }

    /** The holder keeps the workload, unless it no longer holds it: then the claimant reserves it. */
    private Mono<WorkloadClaim.Outcome> keep(AssociationRequest request, WorkloadClaim contested, Instant now) {
        return reserve(request.state().claim(), request.requestId(), contested.workload(), now, 2, true)
                .map(result -> result.reserved() ? WorkloadClaim.Outcome.RESERVED
                        : WorkloadClaim.Outcome.HELD_BY_ANOTHER_PARTNER);
    }

    /** The holder's workloads under the contested key end, and the key passes to the claimant. */
    private Mono<WorkloadClaim.Outcome> award(AssociationRequest request, WorkloadClaim contested,
            UUID decisionEventId, Instant now) {
        ApprovedClaim claim = request.state().claim();
        String key = claim.holdingKey(contested.workload(), holds(claim));
        WorkloadClaim.Holder holder = contested.holder();
        Mono<Void> supersede = store.find(holder.requestId())
                .flatMap(held -> {
                    List<String> lost = held.reservedWorkloads().stream().filter(workload -> held.state().claim()
                            .holdingKey(workload, holds(held.state().claim())).equals(key)).toList();
                    return change(held.requestId(), current -> current.superseded(decisionEventId, lost, now));
                })
                .then();
        Reservations.Holder current = new Reservations.Holder(holder.requestId(), holder.partnerId());
        return supersede.then(takeOver(key, current, request.requestId(), true))
                .flatMap(took -> took ? Mono.just(WorkloadClaim.Outcome.RESERVED)
                        : keep(request, contested, now));
    }

    private Mono<AssociationRequest> change(UUID requestId, UnaryOperator<AssociationRequest> step) {
        return step(requestId, step).map(Step::request);
    }

    /** Applies a step to the request as stored now; says whether this call changed it or found it done. */
    private Mono<Step> step(UUID requestId, UnaryOperator<AssociationRequest> step) {
        return store.find(requestId)
                .flatMap(current -> {
                    AssociationRequest next = step.apply(current);
                    if (next == current) {
                        return settle(current, current).thenReturn(new Step(current, false));
                    }
                    return store.update(next)
                            .switchIfEmpty(Mono.error(new ConcurrentChange()))
                            .flatMap(stored -> {
                                publisher.publishSoon(stored);
                                return settle(current, stored).thenReturn(new Step(stored, true));
                            });
                })
                .retryWhen(Retry.max(10).filter(ConcurrentChange.class::isInstance));
    }

    /** A request after a step, and whether the step changed it. */
    private record Step(AssociationRequest request, boolean changed) {
    }

    /** Releases what a step gave up. Idempotent. (The timer is the request's own and changes with it.) */
    private Mono<Void> settle(AssociationRequest before, AssociationRequest after) {
        Mono<Void> release = Mono.empty();
        if (before.status().holdsWorkloads() && !after.status().holdsWorkloads()) {
            release = reservations.release(after.reservedWorkloads().stream()
                            .map(workload -> after.state().claim().holdingKey(workload, holds(after.state().claim())))
                            .distinct().toList(), after.requestId())
                    // Let go (not awarded away): whoever contests it needs no arbitration any more.
                    .then(after.status() == AssociationStatus.SUPERSEDED ? Mono.<Void>empty()
                            : store.contesting(after.requestId())
                                    .concatMap(contesting -> letGo(contesting, after.requestId()))
                                    .then());
        }
        return release;
    }

    /** What the claim's program holds exclusively (a code the catalog no longer has: workloads, as before). */
    private SolutionCatalog.Holds holds(ApprovedClaim claim) {
        return catalog.holds(claim.solutionArea(), claim.program()).orElse(SolutionCatalog.Holds.WORKLOAD);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The request moved on between its read and the write: read it again. */
    private static final class ConcurrentChange extends RuntimeException {

        ConcurrentChange() {
            super("the request changed meanwhile", null, false, false);
        }
    }
}
