package io.cpor.validation.domain;

import io.cpor.schemas.EventIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The review of one claim. Immutable: each step returns a new review with the events it emits. Ids of emitted
 * events derive from the event or decision that caused them, so a step replayed after a crash emits the same ids.
 */
public final class Review {

    public static final String VALIDATOR_REJECTED = "VALIDATOR_REJECTED";
    public static final String INFORMATION_NOT_PROVIDED = "INFORMATION_NOT_PROVIDED";

    /** Everything a review is, as stored. */
    public record State(UUID claimId, ClaimSnapshot claim, Instant submittedAt, ReviewStatus status, int round,
            List<CheckResult> checks, List<InformationExchange> exchanges, UUID currentReviewRequestId,
            Instant queuedAt, String decidedBy, List<CheckResult> rejectionReasons, Instant timerDueAt,
            Dispute dispute, Arbitration arbitration, Set<UUID> seenEventIds, List<ReviewEvent> pendingEvents,
            Instant updatedAt, long revision) {

        public State {
            checks = List.copyOf(checks);
            exchanges = List.copyOf(exchanges);
            rejectionReasons = List.copyOf(rejectionReasons);
            seenEventIds = new LinkedHashSet<>(seenEventIds);
            pendingEvents = List.copyOf(pendingEvents);
        }
    }

    private final State state;
    private final List<ReviewEvent> newEvents;

    private Review(State state, List<ReviewEvent> newEvents) {
        this.state = state;
        this.newEvents = List.copyOf(newEvents);
    }

    public static Review restore(State state) {
        return new Review(state, List.of());
    }

    /**
     * The review after the automated checks: in review (round 1) if every check passed, rejected with every failed
     * check otherwise.
     */
    public static Review checked(UUID claimId, ClaimSnapshot claim, UUID submittedEventId, Instant submittedAt,
            List<CheckResult> checks, Instant now) {
        List<CheckResult> failed = checks.stream().filter(check -> !check.passed()).toList();
        ReviewEvent event = failed.isEmpty()
                ? new ReviewEvent.ReviewRequested(EventIds.derive(submittedEventId, "review-requested"), now,
                        submittedEventId, ReviewEvent.Trigger.SUBMITTED)
                : new ReviewEvent.Rejected(EventIds.derive(submittedEventId, "checks-rejected"), now,
                        submittedEventId, failed, null, false);
        State state = new State(claimId, claim, submittedAt, failed.isEmpty() ? ReviewStatus.IN_REVIEW
                : ReviewStatus.REJECTED, 1, checks, List.of(), failed.isEmpty() ? event.eventId() : null, now, null,
                failed, null, null, null, Set.of(submittedEventId), List.of(event), now, 0);
        return new Review(state, List.of(event));
    }

    /**
     * Applies a validator's decision. Refused unless the claim awaits one; a decision naming an earlier review round
     * is refused too. With {@code record}, the decision is also published on the decisions topic.
     */
    public Review decide(Decision decision, Instant answerBy, boolean record) {
        if (state.status() != ReviewStatus.IN_REVIEW) {
            throw new NotInReviewException("The claim is " + state.status() + ", not awaiting a decision");
        }
        if (decision.reviewRequestId() != null && !decision.reviewRequestId().equals(state.currentReviewRequestId())) {
            throw new NotInReviewException("The decision is for review " + decision.reviewRequestId()
                    + "; the claim is now in review " + state.currentReviewRequestId());
        }
        boolean arbitrating = state.arbitration() != null && state.arbitration().open();
        if (arbitrating && (decision.kind() == Decision.Kind.APPROVE || decision.kind() == Decision.Kind.REJECT)) {
            throw new NotInReviewException("The claim is in arbitration: decide KEEP_HOLDER or AWARD_TO_CLAIMANT "
                    + "(or REQUEST_INFORMATION)");
        }
        if (!arbitrating && decision.kind().arbitrates()) {
            throw new NotInReviewException("The claim is not in arbitration: decide APPROVE, REJECT or "
                    + "REQUEST_INFORMATION");
        }
        Instant at = decision.decidedAt();
        UUID id = decision.decisionId();
        Draft draft = new Draft(state, at);
        draft.seen.add(id);
        if (record) {
            draft.emit(new ReviewEvent.DecisionRecorded(id, at, state.currentReviewRequestId(), decision));
        }
        switch (decision.kind()) {
            case APPROVE -> {
                draft.status = ReviewStatus.APPROVED;
                draft.decidedBy = decision.validator();
                draft.emit(new ReviewEvent.Approved(EventIds.derive(id, "approved"), at, id, decision.validator()));
            }
            case REJECT -> {
                draft.status = ReviewStatus.REJECTED;
                draft.decidedBy = decision.validator();
                draft.rejectionReasons = List.of(CheckResult.fail(VALIDATOR_REJECTED, decision.reason()));
                draft.emit(new ReviewEvent.Rejected(EventIds.derive(id, "rejected"), at, id, draft.rejectionReasons,
                        decision.validator(), state.dispute() != null));
            }
            case KEEP_HOLDER, AWARD_TO_CLAIMANT -> {
                draft.status = ReviewStatus.APPROVED;
                draft.decidedBy = decision.validator();
                draft.arbitration = state.arbitration().decided(decision.kind());
                draft.emit(new ReviewEvent.ArbitrationDecided(EventIds.derive(id, "arbitration-decided"), at, id,
                        decision.kind(), decision.validator()));
            }
            case REQUEST_INFORMATION -> {
                UUID requestId = EventIds.derive(id, "information-requested");
                draft.status = ReviewStatus.INFORMATION_REQUESTED;
                draft.timerDueAt = answerBy;
                draft.exchanges.add(new InformationExchange(requestId, at, decision.validator(), decision.message(),
                        decision.informationReasons(), answerBy, null, null, List.of(), List.of()));
                draft.emit(new ReviewEvent.InformationRequested(requestId, at, id, decision.message(),
                        decision.informationReasons(), decision.validator(), answerBy));
            }
        }
        return draft.review();
    }

    /** The partner answered: back in review, the answer attached. Ignored unless information was requested. */
    public Review informationProvided(UUID eventId, Instant at, String answer,
            List<ClaimSnapshot.DocumentRef> documents) {
        if (seen(eventId) || state.status() != ReviewStatus.INFORMATION_REQUESTED) {
            return this;
        }
        Draft draft = new Draft(state, at);
        draft.seen.add(eventId);
        int open = draft.exchanges.size() - 1;
        draft.exchanges.set(open, draft.exchanges.get(open).answered(at, answer, documents));
        draft.status = ReviewStatus.IN_REVIEW;
        draft.round = state.round() + 1;
        draft.timerDueAt = null;
        draft.queuedAt = at;
        draft.requestReview(eventId, ReviewEvent.Trigger.INFORMATION_PROVIDED);
        return draft.review();
    }

    /**
     * The partner changed the claim while the question was open: the claim as it is now, the changes kept with the
     * question for the validator, the checks as they come out for the changed claim. The claim is taken in any
     * state (it is the partner's), the changes only while the question is open; one that changes what a claim keeps
     * once submitted is refused ({@link RefusedChangeException}).
     */
    public Review amended(UUID eventId, Instant at, ClaimSnapshot claim, List<ClaimChange> changes,
            List<CheckResult> checks) {
        if (seen(eventId)) {
            return this;
        }
        if (!state.claim().sameClaimAs(claim)) {
            throw refusedAmendment(state.claimId(), eventId);
        }
        Draft draft = new Draft(state, at);
        draft.seen.add(eventId);
        draft.claim = claim;
        if (state.status() == ReviewStatus.INFORMATION_REQUESTED) {
            int open = draft.exchanges.size() - 1;
            draft.exchanges.set(open, draft.exchanges.get(open).changed(changes));
            draft.checks = checks;
        }
        return draft.review();
    }

    /**
     * The claim was approved for what other partners hold: back in review (a new round, trigger ARBITRATION) with
     * the holders' claims, for validators to keep the holders or award it. Ignored unless approved and not arbitrated
     * already.
     */
    public Review contested(UUID eventId, Instant at, List<String> workloads, List<Arbitration.Holder> holders) {
        if (seen(eventId) || state.status() != ReviewStatus.APPROVED || state.arbitration() != null) {
            return this;
        }
        Draft draft = new Draft(state, at);
        draft.seen.add(eventId);
        draft.arbitration = new Arbitration(at, workloads, holders, null, null);
        draft.status = ReviewStatus.IN_REVIEW;
        draft.round = state.round() + 1;
        draft.queuedAt = at;
        draft.decidedBy = null;
        draft.requestReview(eventId, ReviewEvent.Trigger.ARBITRATION);
        return draft.review();
    }

    /**
     * The holders let go of what the claim contested before anyone decided: the arbitration is over, the claim
     * approved as it was (any open question to the partner dropped). Unchanged unless an arbitration is open.
     */
    public Review uncontested(UUID eventId, Instant at) {
        if (seen(eventId) || state.arbitration() == null || !state.arbitration().open()
                || state.status() != ReviewStatus.IN_REVIEW && state.status() != ReviewStatus.INFORMATION_REQUESTED) {
            return this;
        }
        Draft draft = new Draft(state, at);
        draft.seen.add(eventId);
        draft.arbitration = state.arbitration().mooted(at);
        draft.status = ReviewStatus.APPROVED;
        draft.timerDueAt = null;
        return draft.review();
    }

    /** Why an amendment that changes what a claim keeps once submitted is refused. */
    static RefusedChangeException refusedAmendment(UUID claimId, UUID eventId) {
        return new RefusedChangeException("The amendment " + eventId + " of claim " + claimId + " changes what a "
                + "claim keeps once submitted (partner, name, customer, codes or subscription)");
    }

    /**
     * The partner disputes the rejection: back in review (a new round) with the dispute and what was rejected for,
     * and {@code duplicates} (the duplicate check run again) among the checks. Ignored unless rejected and not
     * disputed before.
     */
    public Review disputed(UUID eventId, Instant at, String justification, List<ClaimSnapshot.DocumentRef> documents,
            CheckResult duplicates) {
        if (seen(eventId) || state.status() != ReviewStatus.REJECTED || state.dispute() != null) {
            return this;
        }
        Draft draft = new Draft(state, at);
        draft.seen.add(eventId);
        draft.dispute = new Dispute(at, justification, documents, state.updatedAt(), state.decidedBy(),
                state.rejectionReasons());
        draft.checks = state.checks().stream().map(check -> check.code().equals(duplicates.code()) ? duplicates
                : check).toList();
        draft.status = ReviewStatus.IN_REVIEW;
        draft.round = state.round() + 1;
        draft.queuedAt = at;
        draft.decidedBy = null;
        draft.rejectionReasons = List.of();
        draft.timerDueAt = null;
        draft.requestReview(eventId, ReviewEvent.Trigger.DISPUTED);
        return draft.review();
    }

    /**
     * No answer came in time: rejected with INFORMATION_NOT_PROVIDED; in an arbitration, the holders keep what the
     * claim contested (the claim stays approved for the rest). Unchanged unless the timer is due.
     */
    public Review informationTimedOut(Instant now) {
        if (state.status() != ReviewStatus.INFORMATION_REQUESTED || state.timerDueAt() == null
                || now.isBefore(state.timerDueAt())) {
            return this;
        }
        InformationExchange open = state.exchanges().get(state.exchanges().size() - 1);
        Draft draft = new Draft(state, now);
        if (state.arbitration() != null && state.arbitration().open()) {
            draft.status = ReviewStatus.APPROVED;
            draft.timerDueAt = null;
            draft.arbitration = state.arbitration().decided(Decision.Kind.KEEP_HOLDER);
            draft.emit(new ReviewEvent.ArbitrationDecided(EventIds.derive(open.requestEventId(),
                    "information-not-provided"), now, open.requestEventId(), Decision.Kind.KEEP_HOLDER,
                    INFORMATION_NOT_PROVIDED));
            return draft.review();
        }
        draft.status = ReviewStatus.REJECTED;
        draft.timerDueAt = null;
        draft.rejectionReasons = List.of(CheckResult.fail(INFORMATION_NOT_PROVIDED, "The information requested on "
                + open.requestedAt() + " was not provided by " + open.answerBy()));
        draft.emit(new ReviewEvent.Rejected(EventIds.derive(open.requestEventId(), "information-not-provided"), now,
                open.requestEventId(), draft.rejectionReasons, null, state.dispute() != null));
        return draft.review();
    }

    /** The partner withdrew: out of review, the timer stopped. Unchanged once decided. */
    public Review withdrawn(UUID eventId, Instant at) {
        if (seen(eventId) || state.status() != ReviewStatus.IN_REVIEW
                && state.status() != ReviewStatus.INFORMATION_REQUESTED) {
            return this;
        }
        Draft draft = new Draft(state, at);
        draft.seen.add(eventId);
        draft.status = ReviewStatus.WITHDRAWN;
        draft.timerDueAt = null;
        return draft.review();
    }

    public boolean seen(UUID eventId) {
        return state.seenEventIds().contains(eventId);
    }

    public UUID claimId() {
        return state.claimId();
    }

    public ReviewStatus status() {
        return state.status();
    }

    public State state() {
        return state;
    }

    public List<ReviewEvent> newEvents() {
        return newEvents;
    }

    /** This review as stored with the given revision. */
    public Review stored(long revision) {
        State s = state;
        return new Review(new State(s.claimId(), s.claim(), s.submittedAt(), s.status(), s.round(), s.checks(),
                s.exchanges(), s.currentReviewRequestId(), s.queuedAt(), s.decidedBy(), s.rejectionReasons(),
                s.timerDueAt(), s.dispute(), s.arbitration(), s.seenEventIds(), s.pendingEvents(), s.updatedAt(),
                revision), List.of());
    }

    /** The working copy a step edits. */
    private static final class Draft {

        private final State original;
        private final Instant at;
        ClaimSnapshot claim;
        List<CheckResult> checks;
        Dispute dispute;
        Arbitration arbitration;
        ReviewStatus status;
        int round;
        final List<InformationExchange> exchanges;
        UUID currentReviewRequestId;
        Instant queuedAt;
        String decidedBy;
        List<CheckResult> rejectionReasons;
        Instant timerDueAt;
        final Set<UUID> seen;
        final List<ReviewEvent> pending;
        final List<ReviewEvent> emitted = new ArrayList<>();

        Draft(State state, Instant at) {
            this.original = state;
            this.at = at;
            this.claim = state.claim();
            this.checks = state.checks();
            this.dispute = state.dispute();
            this.arbitration = state.arbitration();
            this.status = state.status();
            this.round = state.round();
            this.exchanges = new ArrayList<>(state.exchanges());
            this.currentReviewRequestId = state.currentReviewRequestId();
            this.queuedAt = state.queuedAt();
            this.decidedBy = state.decidedBy();
            this.rejectionReasons = state.rejectionReasons();
            this.timerDueAt = state.timerDueAt();
            this.seen = new LinkedHashSet<>(state.seenEventIds());
            this.pending = new ArrayList<>(state.pendingEvents());
        }

        /** Back in the queue: a new review request, which decisions are to name. */
        void requestReview(UUID cause, ReviewEvent.Trigger trigger) {
            ReviewEvent requested = new ReviewEvent.ReviewRequested(EventIds.derive(cause, "review-requested"), at,
                    cause, trigger);
            currentReviewRequestId = requested.eventId();
            emit(requested);
        }

        void emit(ReviewEvent event) {
            pending.add(event);
            emitted.add(event);
        }

        Review review() {
            Instant updated = at.isAfter(original.updatedAt()) ? at : original.updatedAt();
            return new Review(new State(original.claimId(), claim, original.submittedAt(), status, round,
                    checks, exchanges, currentReviewRequestId, queuedAt, decidedBy, rejectionReasons,
                    timerDueAt, dispute, arbitration, seen, pending, updated, original.revision()), emitted);
        }
    }
}
