package io.cpor.claims.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The working copy a change of a {@link Claim} edits, and the rules that map other services' facts onto it. */
final class ClaimDraft {

    private final Claim.State original;
    ClaimDetails details;
    ClaimStatus status;
    final Map<String, WorkloadState> workloads;
    Instant declineBy;
    List<ClaimFact.Reason> rejectionReasons;
    InformationRequest informationRequest;
    Instant rejectedAt;
    Dispute dispute;
    final List<TimelineEntry> timeline;
    final Set<java.util.UUID> seenEventIds;
    Instant reviewClock;
    Instant updatedAt;
    long revision;

    ClaimDraft(Claim.State state) {
        this.original = state;
        this.details = state.details();
        this.status = state.status();
        this.workloads = new LinkedHashMap<>(state.workloads());
        this.declineBy = state.declineBy();
        this.rejectionReasons = state.rejectionReasons();
        this.informationRequest = state.informationRequest();
        this.rejectedAt = state.rejectedAt();
        this.dispute = state.dispute();
        this.timeline = new ArrayList<>(state.timeline());
        this.seenEventIds = new LinkedHashSet<>(state.seenEventIds());
        this.reviewClock = state.reviewClock();
        this.updatedAt = state.updatedAt();
        this.revision = state.revision();
    }

    void record(ClaimFact fact) {
        seenEventIds.add(fact.eventId());
        Instant at = fact.occurredAt();
        if (fact instanceof ClaimFact.ReviewStarted review) {
            timeline(at, "IN_REVIEW", review.round() > 1 ? "Back in review (round " + review.round() + ")"
                    : "In review");
            reviewPhase(inReview(), at);
        }
        else if (fact instanceof ClaimFact.InformationRequested request) {
            timeline(at, "INFORMATION_REQUESTED", "Information requested: " + request.message());
            if (reviewPhase(ClaimStatus.INFORMATION_REQUESTED, at)) {
                informationRequest = new InformationRequest(request.eventId(), request.message(),
                        request.reasons(), request.requestedBy(), at, request.answerBy());
            }
        }
        else if (fact instanceof ClaimFact.Approved approved) {
            timeline(at, "APPROVED", "Approved by " + approved.approvedBy());
            advance(ClaimStatus.APPROVED);
        }
        else if (fact instanceof ClaimFact.Rejected rejected) {
            boolean last = dispute != null || rejected.afterDispute();
            timeline(at, last ? "REJECTED_FINAL" : "REJECTED", (last ? "Rejected after the dispute: " : "Rejected: ")
                    + rejected.reasons().stream().map(ClaimFact.Reason::code).collect(Collectors.joining(", ")));
            if (advance(last ? ClaimStatus.REJECTED_FINAL : ClaimStatus.REJECTED)) {
                rejectionReasons = rejected.reasons();
                rejectedAt = at;
            }
        }
        else {
            recordAssociation(fact, at);
        }
    }

    private void recordAssociation(ClaimFact fact, Instant at) {
        if (fact instanceof ClaimFact.AssociationRequested requested) {
            timeline(at, "ASSOCIATION_REQUESTED", "Reserved for the partner: " + String.join(", ",
                    requested.workloads()));
            requested.workloads().forEach(workload -> move(workload, WorkloadState.REQUESTED));
            uncontested();
            advance(ClaimStatus.APPROVED);
        }
        else if (fact instanceof ClaimFact.Conflicted conflicted) {
            timeline(at, "CONFLICT", "Not reserved: " + conflicted.reasons().entrySet().stream()
                    .map(entry -> entry.getKey() + " (" + entry.getValue() + ")").collect(Collectors.joining(", ")));
            conflicted.reasons().keySet().forEach(workload -> move(workload, WorkloadState.CONFLICT));
            uncontested();
            advance(ClaimStatus.APPROVED);
        }
        else if (fact instanceof ClaimFact.Contested contested) {
            timeline(at, "CONTESTED", "Held by another partner, Microsoft arbitrates: " + String.join(", ",
                    contested.workloads()));
            contested.workloads().forEach(workload -> move(workload, WorkloadState.CONTESTED));
            // The approval (another topic) may not be read yet: a contest means it was approved.
            if (status != ClaimStatus.REJECTED && status.phase() <= ClaimStatus.APPROVED.phase()) {
                status = ClaimStatus.CONTESTED;
            }
        }
        else if (fact instanceof ClaimFact.Arbitrated arbitrated) {
            timeline(at, "ARBITRATED", switch (arbitrated.outcome()) {
                case "AWARDED" -> "Microsoft's arbitration awarded the workloads to you";
                case "KEPT" -> "Microsoft's arbitration kept the workloads with the partner who holds them";
                default -> "The other partner no longer holds the workloads: no arbitration needed";
            });
        }
        else if (fact instanceof ClaimFact.Superseded superseded) {
            timeline(at, "SUPERSEDED", "Ended after Microsoft's review (SUPERSEDED_AFTER_REVIEW): " + String.join(
                    ", ", superseded.workloads()));
            superseded.workloads().forEach(workload -> move(workload, WorkloadState.REMOVED));
            boolean anyLeft = workloads.values().stream().anyMatch(state -> state == WorkloadState.REQUESTED
                    || state == WorkloadState.PENDING_CUSTOMER || state == WorkloadState.ACTIVE);
            if (!anyLeft && advance(ClaimStatus.REJECTED_FINAL)) {
                rejectionReasons = List.of(new ClaimFact.Reason("SUPERSEDED_AFTER_REVIEW", "After reviewing a "
                        + "competing claim, Microsoft ended this association for " + String.join(", ",
                                superseded.workloads())));
            }
        }
        else if (fact instanceof ClaimFact.CustomerNotified notified) {
            timeline(at, "CUSTOMER_NOTIFIED", "Customer notified; may decline until " + notified.declineBy());
            declineBy = notified.declineBy();
            List.copyOf(workloads.keySet()).stream().filter(w -> workloads.get(w) == WorkloadState.REQUESTED)
                    .forEach(workload -> move(workload, WorkloadState.PENDING_CUSTOMER));
            advance(ClaimStatus.AWAITING_CUSTOMER);
        }
        else if (fact instanceof ClaimFact.Activated activated) {
            timeline(at, "ACTIVATED", "Associated: " + String.join(", ", activated.workloads()));
            activated.workloads().forEach(workload -> move(workload, WorkloadState.ACTIVE));
            afterActivation();
        }
        else if (fact instanceof ClaimFact.Declined declined) {
            timeline(at, "DECLINED", "Declined by the customer: " + String.join(", ", declined.workloads()));
            declined.workloads().forEach(workload -> move(workload, WorkloadState.DECLINED));
            advance(ClaimStatus.DECLINED_BY_CUSTOMER);
        }
        else if (fact instanceof ClaimFact.Disassociated disassociated) {
            timeline(at, "DISASSOCIATED", "Ended by the partner: " + disassociated.reason());
            disassociated.workloads().forEach(workload -> move(workload, WorkloadState.REMOVED));
            if (advance(ClaimStatus.REJECTED_FINAL)) {
                rejectionReasons = List.of(new ClaimFact.Reason("PARTNER_REQUEST", disassociated.reason()));
            }
        }
        else if (fact instanceof ClaimFact.Removed removed) {
            timeline(at, "REMOVED", "Removed by the customer: " + String.join(", ", removed.workloads()));
            removed.workloads().forEach(workload -> move(workload, WorkloadState.REMOVED));
            advance(ClaimStatus.REMOVED_BY_CUSTOMER);
        }
    }

    /** Arbitration is over once the contested workloads are asked of the customer or refused: approved again. */
    private void uncontested() {
        if (status == ClaimStatus.CONTESTED && !workloads.containsValue(WorkloadState.CONTESTED)) {
            status = ClaimStatus.APPROVED;
        }
    }

    void timeline(Instant at, String event, String detail) {
        timeline.add(new TimelineEntry(at, event, detail));
        timeline.sort(Comparator.comparing(TimelineEntry::at));
        if (at.isAfter(updatedAt)) {
            updatedAt = at;
        }
    }

    /** The status of a claim a validator is reviewing: DISPUTED while its rejection is disputed. */
    ClaimStatus inReview() {
        return dispute != null ? ClaimStatus.DISPUTED : ClaimStatus.IN_REVIEW;
    }

    /** A review-phase status, applied only if no later review-phase change has been. */
    boolean reviewPhase(ClaimStatus next, Instant at) {
        if (status.phase() > ClaimStatus.IN_REVIEW.phase() || at.isBefore(reviewClock)) {
            return false;
        }
        status = next;
        reviewClock = at;
        return true;
    }

    /** Moves the status forward to {@code next}: never back, never out of a withdrawal. */
    boolean advance(ClaimStatus next) {
        boolean reversal = status == ClaimStatus.ASSOCIATED && next == ClaimStatus.DECLINED_BY_CUSTOMER;
        if (status == ClaimStatus.WITHDRAWN || next.phase() <= status.phase() && !reversal) {
            return false;
        }
        status = next;
        return true;
    }

    void move(String workload, WorkloadState next) {
        WorkloadState current = workloads.get(workload);
        if (current != null && current.canBecome(next)) {
            workloads.put(workload, next);
        }
    }

    /** ASSOCIATED once every workload not refused is active; a withdrawal that raced activation gives way. */
    private void afterActivation() {
        boolean allActive = workloads.values().stream()
                .allMatch(state -> state == WorkloadState.ACTIVE || state == WorkloadState.CONFLICT);
        ClaimStatus next = allActive ? ClaimStatus.ASSOCIATED : ClaimStatus.AWAITING_CUSTOMER;
        if (status == ClaimStatus.WITHDRAWN && workloads.containsValue(WorkloadState.ACTIVE)) {
            status = next;
            return;
        }
        advance(next);
    }

    Claim.State state() {
        return new Claim.State(original.id(), details, status, workloads, original.submittedAt(),
                updatedAt, declineBy, rejectionReasons, informationRequest, rejectedAt, dispute, timeline, seenEventIds, reviewClock,
                original.pendingEvents(), original.idempotency(), revision);
    }

    /** The changed claim, with {@code event} added to what it has to publish (if not null). */
    Claim emit(ClaimEvent event) {
        if (event == null) {
            return new Claim(state(), List.of());
        }
        seenEventIds.add(event.eventId());
        Claim.State next = state();
        List<ClaimEvent> pending = new ArrayList<>(next.pendingEvents());
        pending.add(event);
        return new Claim(new Claim.State(next.id(), next.details(), next.status(), next.workloads(),
                next.submittedAt(), next.updatedAt(), next.declineBy(), next.rejectionReasons(),
                next.informationRequest(), next.rejectedAt(), next.dispute(), next.timeline(), next.seenEventIds(), next.reviewClock(), pending,
                next.idempotency(), next.revision()), List.of(event));
    }
}
