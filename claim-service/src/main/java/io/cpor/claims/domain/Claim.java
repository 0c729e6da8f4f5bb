package io.cpor.claims.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A customer association claim. Immutable: each change returns a new claim carrying the events it emits, stored
 * with the claim in one write (the outbox) until published.
 * <p>
 * Facts from the other services are applied idempotently (an event id seen before changes nothing) and never move
 * the claim back: a fact of an earlier phase than the claim's status, or an older review-phase fact than the last
 * one applied, is recorded in the timeline but leaves the status alone.
 */
public final class Claim {

    /** Everything a claim is, as stored. */
    public record State(UUID id, ClaimDetails details, ClaimStatus status, Map<String, WorkloadState> workloads,
            Instant submittedAt, Instant updatedAt, Instant declineBy, List<ClaimFact.Reason> rejectionReasons,
            InformationRequest informationRequest, Instant rejectedAt, Dispute dispute, List<TimelineEntry> timeline, Set<UUID> seenEventIds,
            Instant reviewClock, List<ClaimEvent> pendingEvents, Idempotency idempotency, long revision) {

        public State {
            workloads = new LinkedHashMap<>(workloads);
            rejectionReasons = List.copyOf(rejectionReasons);
            timeline = List.copyOf(timeline);
            seenEventIds = new LinkedHashSet<>(seenEventIds);
            pendingEvents = List.copyOf(pendingEvents);
        }
    }

    private final State state;
    private final List<ClaimEvent> newEvents;

    Claim(State state, List<ClaimEvent> newEvents) {
        this.state = state;
        this.newEvents = List.copyOf(newEvents);
    }

    /** A claim as stored. */
    public static Claim restore(State state) {
        return new Claim(state, List.of());
    }

    /** A new claim, {@code SUBMITTED}, every workload {@code REQUESTED}, with its {@code ClaimSubmitted} event. */
    public static Claim submit(UUID id, ClaimDetails details, Instant now, UUID requestId, Idempotency idempotency) {
        Map<String, WorkloadState> workloads = new LinkedHashMap<>();
        details.workloads().forEach(workload -> workloads.put(workload, WorkloadState.REQUESTED));
        ClaimEvent submitted = new ClaimEvent.Submitted(UUID.randomUUID(), now, requestId);
        List<TimelineEntry> timeline = new java.util.ArrayList<>();
        timeline.add(new TimelineEntry(now, "SUBMITTED", "Claim submitted"));
        if (details.comments() != null && !details.comments().isBlank()) {
            timeline.add(new TimelineEntry(now, "COMMENT", "Partner comment: " + details.comments()));
        }
        State state = new State(id, details, ClaimStatus.SUBMITTED, workloads, now, now, null, List.of(), null, null,
                null, timeline, Set.of(submitted.eventId()), now, List.of(submitted), idempotency, 0);
        return new Claim(state, List.of(submitted));
    }

    /** The partner answers the open information request; the claim goes back to review. */
    public Claim provideInformation(String message, List<ClaimDetails.DocumentRef> documents, Instant now,
            UUID requestId) {
        if (state.status() != ClaimStatus.INFORMATION_REQUESTED) {
            throw new ClaimStateException("The claim is " + state.status() + "; information can be provided only "
                    + "while it is INFORMATION_REQUESTED");
        }
        UUID question = state.informationRequest() == null ? null : state.informationRequest().eventId();
        ClaimEvent provided = new ClaimEvent.InformationProvided(UUID.randomUUID(), now, requestId, question,
                message, documents);
        ClaimDraft draft = new ClaimDraft(state);
        draft.status = draft.inReview();
        draft.reviewClock = now;
        draft.timeline(now, "INFORMATION_PROVIDED", "Partner answered the information request: " + message);
        return draft.emit(provided);
    }

    /**
     * The partner changes what it may while a validator's question is open (contacts, workloads, proof) or adds a
     * comment; the validator sees each change. {@code patch} makes the amendment of the details as they are (it
     * may refuse them), once the status allows a change. A change that changes nothing returns this claim.
     */
    public Claim amend(Function<ClaimDetails, ClaimDetails.Amendment> patch, Instant now, UUID requestId) {
        if (state.status() != ClaimStatus.INFORMATION_REQUESTED) {
            throw new ClaimStateException("The claim is " + state.status() + "; a submitted claim can be changed "
                    + "only while a validator's question is open (INFORMATION_REQUESTED)");
        }
        ClaimDetails.Amendment amendment = patch.apply(state.details());
        ClaimDetails next = state.details().amended(amendment);
        List<ClaimChange> changes = ClaimChange.between(state.details(), next, amendment.comment());
        if (changes.isEmpty()) {
            return this;
        }
        ClaimDraft draft = new ClaimDraft(state);
        draft.details = next;
        if (!next.workloads().equals(state.details().workloads())) {
            draft.workloads.clear();
            next.workloads().forEach(workload -> draft.workloads.put(workload, WorkloadState.REQUESTED));
        }
        List<String> fields = changes.stream().map(ClaimChange::field).filter(field -> !field.equals(
                ClaimChange.COMMENT)).toList();
        if (!fields.isEmpty()) {
            draft.timeline(now, "AMENDED", "Changed by the partner: " + String.join(", ", fields));
        }
        if (amendment.comment() != null) {
            draft.timeline(now, "COMMENT", "Partner comment: " + amendment.comment());
        }
        return draft.emit(new ClaimEvent.Amended(UUID.randomUUID(), now, requestId, changes));
    }

    /**
     * The partner disputes the rejection: once per claim, within {@code window} of the rejection; the claim goes
     * back to review, where a second rejection is final.
     */
    public Claim dispute(String justification, List<ClaimDetails.DocumentRef> documents, Instant now, UUID requestId,
            Duration window) {
        if (state.dispute() != null) {
            throw new ClaimStateException("dispute-already-raised", "The rejection of this claim was disputed on "
                    + state.dispute().disputedAt() + "; a claim may be disputed once");
        }
        if (state.status() != ClaimStatus.REJECTED) {
            throw new ClaimStateException("The claim is " + state.status() + "; only a rejected claim may be "
                    + "disputed");
        }
        Instant until = disputableUntil(window);
        if (now.isAfter(until)) {
            throw new ClaimStateException("dispute-window-closed", "The claim was rejected on " + rejectedAt()
                    + "; its rejection could be disputed until " + until);
        }
        ClaimDraft draft = new ClaimDraft(state);
        draft.status = ClaimStatus.DISPUTED;
        draft.dispute = new Dispute(now, justification, documents);
        draft.reviewClock = now;
        draft.timeline(now, "DISPUTED", "Rejection disputed by the partner: " + justification);
        return draft.emit(new ClaimEvent.Disputed(UUID.randomUUID(), now, requestId, justification, documents));
    }

    /** Until when the rejection may be disputed: {@code window} after it. */
    public Instant disputableUntil(Duration window) {
        return rejectedAt().plus(window);
    }

    /** When the claim was rejected (claims stored before this was kept: their last change). */
    private Instant rejectedAt() {
        return state.rejectedAt() != null ? state.rejectedAt() : state.updatedAt();
    }

    /** The partner withdraws the claim; workloads not yet active are released. */
    public Claim withdraw(String reason, Instant now, UUID requestId) {
        if (!state.status().withdrawable()) {
            throw new ClaimStateException("The claim is " + state.status() + "; it can be withdrawn only until its "
                    + "associations are active");
        }
        ClaimDraft draft = new ClaimDraft(state);
        draft.status = ClaimStatus.WITHDRAWN;
        draft.workloads.replaceAll((workload, current) -> current.canBecome(WorkloadState.WITHDRAWN)
                ? WorkloadState.WITHDRAWN : current);
        draft.timeline(now, "WITHDRAWN", reason == null || reason.isBlank() ? "Withdrawn by the partner"
                : "Withdrawn by the partner: " + reason);
        return draft.emit(new ClaimEvent.Withdrawn(UUID.randomUUID(), now, requestId, reason));
    }

    /** Applies what another service says happened; a fact seen before returns this claim unchanged. */
    public Claim apply(ClaimFact fact) {
        if (state.seenEventIds().contains(fact.eventId())) {
            return this;
        }
        ClaimDraft draft = new ClaimDraft(state);
        draft.record(fact);
        return draft.emit(null);
    }

    public boolean belongsTo(String partnerId) {
        return state.details().partnerId().equals(partnerId);
    }

    public UUID id() {
        return state.id();
    }

    public ClaimStatus status() {
        return state.status();
    }

    public State state() {
        return state;
    }

    /** Events this change added (to be stored with it and published). */
    public List<ClaimEvent> newEvents() {
        return newEvents;
    }

    /** A copy of this claim as stored with the given revision. */
    public Claim stored(long revision) {
        ClaimDraft draft = new ClaimDraft(state);
        draft.revision = revision;
        return new Claim(draft.state(), List.of());
    }
}
