package io.cpor.associations.domain;

import io.cpor.schemas.EventIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The association request of one approved claim: its workloads (reserved or not), and the customer's answer.
 * Immutable: each step returns the request after it with the events it emits. A decline whose click came before the
 * deadline wins even over an activation already made: that activation is reversed.
 */
public final class AssociationRequest {

    /** Everything a request is, as stored. */
    public record State(UUID requestId, ApprovedClaim claim, List<WorkloadClaim> workloads, AssociationStatus status,
            String tokenHash, Instant linkExpiresAt, Instant createdAt, UUID notifiedEventId, Instant notifiedAt,
            Instant declineBy, Instant activatedAt, Instant declinedAt, boolean activationReversed,
            Instant removedAt, Instant withdrawnAt, List<AssociationEvent> pendingEvents, Instant updatedAt,
            long revision) {

        public State {
            workloads = List.copyOf(workloads);
            pendingEvents = List.copyOf(pendingEvents);
        }
    }

    private final State state;
    private final List<AssociationEvent> newEvents;

    private AssociationRequest(State state, List<AssociationEvent> newEvents) {
        this.state = state;
        this.newEvents = List.copyOf(newEvents);
    }

    public static AssociationRequest restore(State state) {
        return new AssociationRequest(state, List.of());
    }

    /** The id of the request an approval opens: the same however often the approval is delivered. */
    public static UUID idFor(UUID approvedEventId) {
        return EventIds.derive(approvedEventId, "association-request");
    }

    /**
     * The request an approval opens: the customer is asked about the reserved workloads (if any), and the partner is
     * told about the others.
     */
    public static AssociationRequest opened(ApprovedClaim claim, List<WorkloadClaim> workloads, String tokenHash,
            String declineUrl, Instant now, Instant linkExpiresAt) {
        UUID cause = claim.approvedEventId();
        List<String> reserved = workloads.stream().filter(WorkloadClaim::reserved).map(WorkloadClaim::workload)
                .toList();
        List<WorkloadClaim> contested = workloads.stream().filter(WorkloadClaim::contested).toList();
        List<WorkloadClaim> refused = workloads.stream().filter(workload -> !workload.reserved()
                && !workload.contested()).toList();
        List<AssociationEvent> events = new ArrayList<>();
        if (!contested.isEmpty()) {
            // Nothing is asked of the customer until Microsoft has arbitrated; what is reserved is held meanwhile.
            events.add(new AssociationEvent.Contested(EventIds.derive(cause, "association-contested"), now, cause,
                    contested));
        }
        else if (!reserved.isEmpty()) {
            events.add(new AssociationEvent.Requested(EventIds.derive(cause, "association-requested"), now, cause,
                    reserved, declineUrl));
        }
        if (!refused.isEmpty()) {
            events.add(new AssociationEvent.Conflicted(EventIds.derive(cause, "association-conflicted"), now, cause,
                    refused));
        }
        boolean asking = !reserved.isEmpty() && contested.isEmpty();
        AssociationStatus status = !contested.isEmpty() ? AssociationStatus.CONTESTED
                : asking ? AssociationStatus.RESERVED : AssociationStatus.CONFLICTED;
        State state = new State(idFor(cause), claim, workloads, status, asking ? tokenHash : null,
                asking ? linkExpiresAt : null, now, null, null, null, null, null, false, null, null, events, now, 0);
        return new AssociationRequest(state, events);
    }

    /**
     * Microsoft arbitrated: each contested workload is now reserved (awarded, or free again) or refused (kept by its
     * holder, {@code HELD_BY_ANOTHER_PARTNER}), as {@code resolved} says. The customer is then asked about everything
     * reserved, with a new link. Unchanged unless contested.
     */
    public AssociationRequest arbitrated(UUID decisionEventId, java.util.Map<String, WorkloadClaim.Outcome> resolved,
            String tokenHash, String declineUrl, Instant now, Instant linkExpiresAt) {
        if (state.status() != AssociationStatus.CONTESTED) {
            return this;
        }
        List<WorkloadClaim> workloads = state.workloads().stream().map(workload -> workload.contested()
                ? workload.as(resolved.getOrDefault(workload.workload(), WorkloadClaim.Outcome.HELD_BY_ANOTHER_PARTNER))
                : workload).toList();
        return settled(workloads, decisionEventId, List.of(), tokenHash, declineUrl, now, linkExpiresAt);
    }

    /**
     * A holder let go of what this request contests (declined, removed, withdrawn, ended) before Microsoft
     * arbitrated: those workloads are now as {@code resolved} says (reserved, unless another partner took them
     * first). Once nothing is contested any more the arbitration is over ({@code Uncontested}) and the customer is
     * asked as after any approval. Unchanged unless contested with that holder.
     */
    public AssociationRequest holderLetGo(UUID holderRequestId, java.util.Map<String, WorkloadClaim.Outcome> resolved,
            String tokenHash, String declineUrl, Instant now, Instant linkExpiresAt) {
        if (state.status() != AssociationStatus.CONTESTED || state.workloads().stream().noneMatch(workload ->
                workload.contested() && workload.holder().requestId().equals(holderRequestId))) {
            return this;
        }
        List<WorkloadClaim> workloads = state.workloads().stream().map(workload -> workload.contested()
                && workload.holder().requestId().equals(holderRequestId) ? workload.as(resolved.getOrDefault(
                        workload.workload(), WorkloadClaim.Outcome.HELD_BY_ANOTHER_PARTNER)) : workload).toList();
        if (workloads.stream().anyMatch(WorkloadClaim::contested)) {
            return with(workloads, state.status(), state.tokenHash(), state.linkExpiresAt(), now, List.of(),
                    draft -> { });
        }
        UUID cause = EventIds.derive(holderRequestId, "let-go-" + state.requestId());
        return settled(workloads, cause, List.of(new AssociationEvent.Uncontested(EventIds.derive(cause,
                "uncontested"), now, cause)), tokenHash, declineUrl, now, linkExpiresAt);
    }

    /** Nothing contested any more: refuse what stays held elsewhere and ask the customer about the rest. */
    private AssociationRequest settled(List<WorkloadClaim> workloads, UUID decisionEventId,
            List<AssociationEvent> first, String tokenHash, String declineUrl, Instant now, Instant linkExpiresAt) {
        List<String> reserved = workloads.stream().filter(WorkloadClaim::reserved).map(WorkloadClaim::workload)
                .toList();
        List<WorkloadClaim> kept = workloads.stream().filter(workload -> state.workloads().stream().anyMatch(
                before -> before.contested() && before.workload().equals(workload.workload()))
                && !workload.reserved()).toList();
        List<AssociationEvent> events = new ArrayList<>(first);
        if (!kept.isEmpty()) {
            events.add(new AssociationEvent.Conflicted(EventIds.derive(decisionEventId, "association-conflicted"),
                    now, decisionEventId, kept));
        }
        boolean asking = !reserved.isEmpty();
        if (asking) {
            events.add(new AssociationEvent.Requested(EventIds.derive(decisionEventId, "association-requested"), now,
                    decisionEventId, reserved, declineUrl));
        }
        return with(workloads, asking ? AssociationStatus.RESERVED : AssociationStatus.CONFLICTED,
                asking ? tokenHash : null, asking ? linkExpiresAt : null, now, events, draft -> { });
    }

    /**
     * After arbitration, Microsoft awarded these workloads to another partner: they end here (the customer is not
     * asked again). The request holds nothing any more once it has no workload left. Unchanged for workloads it does
     * not hold (a decision delivered twice).
     */
    public AssociationRequest superseded(UUID decisionEventId, List<String> lost, Instant now) {
        List<String> held = state.workloads().stream().filter(w -> w.reserved() && lost.contains(w.workload()))
                .map(WorkloadClaim::workload).toList();
        if (held.isEmpty() || !state.status().holdsWorkloads()) {
            return this;
        }
        List<WorkloadClaim> workloads = state.workloads().stream().map(workload -> held.contains(workload.workload())
                ? workload.as(WorkloadClaim.Outcome.SUPERSEDED) : workload).toList();
        boolean left = workloads.stream().anyMatch(WorkloadClaim::reserved);
        AssociationEvent event = new AssociationEvent.Superseded(EventIds.derive(decisionEventId, "superseded-"
                + state.requestId()), now, decisionEventId, held);
        return with(workloads, left ? state.status() : AssociationStatus.SUPERSEDED, state.tokenHash(),
                state.linkExpiresAt(), now, List.of(event), draft -> { });
    }

    /** The customer was told at {@code sentAt} and may decline until {@code declineBy}. Once only. */
    public AssociationRequest notified(UUID eventId, Instant sentAt, Instant declineBy, Instant now) {
        if (state.status() != AssociationStatus.RESERVED) {
            return this;
        }
        return with(AssociationStatus.AWAITING_CUSTOMER, now, List.of(), draft -> {
            draft.notifiedEventId = eventId;
            draft.notifiedAt = sentAt;
            draft.declineBy = declineBy;
        });
    }

    /** The deadline passed without a decline: active from the deadline on. Unchanged before it, or if not waiting. */
    public AssociationRequest activated(Instant now) {
        if (state.status() != AssociationStatus.AWAITING_CUSTOMER || now.isBefore(state.declineBy())) {
            return this;
        }
        return with(AssociationStatus.ACTIVE, now, List.of(activation(now)),
                draft -> draft.activatedAt = state.declineBy());
    }

    /**
     * The customer confirmed on the decline page at {@code clickAt}: declined if that was before the deadline (an
     * activation already made is reversed), removed if the association was official by then. Confirming again
     * changes nothing.
     */
    public AssociationRequest declined(Instant clickAt, Instant now) {
        AssociationStatus status = state.status();
        if (status == AssociationStatus.DECLINED || status == AssociationStatus.REMOVED) {
            return this;
        }
        if (!status.holdsWorkloads()) {
            throw new NotOpenException("The request is " + status + ": there is nothing to decline");
        }
        if (linkExpired(clickAt)) {
            throw new NotOpenException("The link expired at " + state.linkExpiresAt());
        }
        boolean beforeDeadline = state.declineBy() == null || clickAt.isBefore(state.declineBy());
        UUID cause = state.requestId();
        if (beforeDeadline) {
            boolean reversed = status == AssociationStatus.ACTIVE;
            return with(AssociationStatus.DECLINED, now, List.of(new AssociationEvent.Declined(
                    EventIds.derive(cause, "declined"), now, cause, clickAt, reversed)), draft -> {
                        draft.declinedAt = clickAt;
                        draft.activationReversed = reversed;
                    });
        }
        List<AssociationEvent> events = new ArrayList<>();
        if (status == AssociationStatus.AWAITING_CUSTOMER) {
            // Official at the deadline, though the timer had not fired yet: record that, then the removal.
            events.add(activation(now));
        }
        events.add(new AssociationEvent.Removed(EventIds.derive(cause, "removed"), now, cause, clickAt));
        return with(AssociationStatus.REMOVED, now, events, draft -> {
            draft.activatedAt = state.declineBy();
            draft.removedAt = clickAt;
        });
    }

    /**
     * The partner ended the association (waiting on the customer or active): its workloads are released. Ending it
     * again changes nothing; a request that holds nothing any more cannot be ended.
     */
    public AssociationRequest disassociated(String reason, Instant at) {
        if (state.status() == AssociationStatus.DISASSOCIATED) {
            return this;
        }
        if (!state.status().holdsWorkloads() || state.status() == AssociationStatus.CONTESTED) {
            throw new NotOpenException("The association is " + state.status() + ": there is nothing to end (a claim "
                    + "under arbitration is withdrawn instead)");
        }
        UUID cause = state.requestId();
        return with(AssociationStatus.DISASSOCIATED, at, List.of(new AssociationEvent.Disassociated(
                EventIds.derive(cause, "disassociated"), at, cause, reason)), draft -> draft.removedAt = at);
    }

    /** The partner withdrew the claim: released unless already active (an arbitration under way ends). */
    public AssociationRequest withdrawn(Instant at) {
        if (state.status() != AssociationStatus.RESERVED && state.status() != AssociationStatus.AWAITING_CUSTOMER
                && state.status() != AssociationStatus.CONTESTED) {
            return this;
        }
        return with(AssociationStatus.WITHDRAWN, at, List.of(), draft -> draft.withdrawnAt = at);
    }

    public boolean linkExpired(Instant now) {
        return state.linkExpiresAt() != null && !now.isBefore(state.linkExpiresAt());
    }

    /** The workloads this request holds while it is reserved, waiting or active. */
    public List<String> reservedWorkloads() {
        return state.workloads().stream().filter(WorkloadClaim::reserved).map(WorkloadClaim::workload).toList();
    }

    /** The stored request, at its new revision, its events still to publish. */
    public AssociationRequest stored(long revision) {
        State s = state;
        return new AssociationRequest(new State(s.requestId(), s.claim(), s.workloads(), s.status(), s.tokenHash(),
                s.linkExpiresAt(), s.createdAt(), s.notifiedEventId(), s.notifiedAt(), s.declineBy(),
                s.activatedAt(), s.declinedAt(), s.activationReversed(), s.removedAt(), s.withdrawnAt(),
                s.pendingEvents(), s.updatedAt(), revision), List.of());
    }

    public State state() {
        return state;
    }

    public UUID requestId() {
        return state.requestId();
    }

    public AssociationStatus status() {
        return state.status();
    }

    /** Events this step emitted (to store with it). */
    public List<AssociationEvent> newEvents() {
        return newEvents;
    }

    private AssociationEvent activation(Instant now) {
        UUID cause = state.notifiedEventId() != null ? state.notifiedEventId() : state.requestId();
        return new AssociationEvent.Activated(EventIds.derive(state.requestId(), "activated"), now, cause,
                state.declineBy());
    }

    private AssociationRequest with(AssociationStatus status, Instant now, List<AssociationEvent> events,
            Consumer<Draft> change) {
        return with(state.workloads(), status, state.tokenHash(), state.linkExpiresAt(), now, events, change);
    }

    private AssociationRequest with(List<WorkloadClaim> workloads, AssociationStatus status, String tokenHash,
            Instant linkExpiresAt, Instant now, List<AssociationEvent> events, Consumer<Draft> change) {
        Draft draft = new Draft(state);
        change.accept(draft);
        List<AssociationEvent> pending = new ArrayList<>(state.pendingEvents());
        pending.addAll(events);
        State s = state;
        return new AssociationRequest(new State(s.requestId(), s.claim(), workloads, status, tokenHash,
                linkExpiresAt, s.createdAt(), draft.notifiedEventId, draft.notifiedAt, draft.declineBy,
                draft.activatedAt, draft.declinedAt, draft.activationReversed, draft.removedAt, draft.withdrawnAt,
                pending, now, s.revision()), events);
    }

    /** The fields a step may change. */
    private static final class Draft {

        UUID notifiedEventId;
        Instant notifiedAt;
        Instant declineBy;
        Instant activatedAt;
        Instant declinedAt;
        boolean activationReversed;
        Instant removedAt;
        Instant withdrawnAt;

        Draft(State state) {
            notifiedEventId = state.notifiedEventId();
            notifiedAt = state.notifiedAt();
            declineBy = state.declineBy();
            activatedAt = state.activatedAt();
            declinedAt = state.declinedAt();
            activationReversed = state.activationReversed();
            removedAt = state.removedAt();
            withdrawnAt = state.withdrawnAt();
        }
    }
}
