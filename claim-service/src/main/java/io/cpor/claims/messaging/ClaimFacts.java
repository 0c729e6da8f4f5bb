package io.cpor.claims.messaging;

import io.cpor.claims.domain.ClaimFact;
import io.cpor.events.EventMetadata;
import io.cpor.events.associations.AssociationActivated;
import io.cpor.events.associations.AssociationConflicted;
import io.cpor.events.associations.AssociationContested;
import io.cpor.events.associations.AssociationDeclined;
import io.cpor.events.associations.AssociationDisassociated;
import io.cpor.events.associations.AssociationRemoved;
import io.cpor.events.associations.AssociationRequested;
import io.cpor.events.associations.AssociationSuperseded;
import io.cpor.events.associations.AssociationUncontested;
import io.cpor.events.associations.WorkloadConflict;
import io.cpor.events.notifications.CustomerNotified;
import io.cpor.events.outcomes.ArbitrationDecided;
import io.cpor.events.outcomes.ArbitrationOutcome;
import io.cpor.events.outcomes.ClaimApproved;
import io.cpor.events.outcomes.ClaimRejected;
import io.cpor.events.outcomes.InformationRequested;
import io.cpor.events.review.InformationReason;
import io.cpor.events.review.ReviewRequested;
import io.cpor.support.kafka.InvalidEventException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The other services' events as facts about a claim; an event that breaks a rule of the contract is refused. */
final class ClaimFacts {

    private ClaimFacts() {
    }

    /** The claim an event is about and what it says; empty for an event this service does not follow. */
    static Optional<Addressed> from(Object event) {
        if (event instanceof ReviewRequested review) {
            require(review.getReviewRound() >= 1, "reviewRound must be at least 1");
            return addressed(review.getMetadata(), new ClaimFact.ReviewStarted(id(review.getMetadata()),
                    review.getMetadata().getOccurredAt(), review.getReviewRound()));
        }
        if (event instanceof InformationRequested request) {
            return addressed(request.getMetadata(), new ClaimFact.InformationRequested(id(request.getMetadata()),
                    request.getMetadata().getOccurredAt(), request.getMessage(),
                    request.getReasons().stream().filter(reason -> reason != InformationReason.UNKNOWN)
                            .map(Enum::name).toList(), request.getRequestedBy(), request.getAnswerBy()));
        }
        if (event instanceof ClaimApproved approved) {
            return addressed(approved.getMetadata(), new ClaimFact.Approved(id(approved.getMetadata()),
                    approved.getMetadata().getOccurredAt(), approved.getApprovedBy()));
        }
        if (event instanceof ClaimRejected rejected) {
            require(!rejected.getReasons().isEmpty(), "a rejection needs at least one reason");
            return addressed(rejected.getMetadata(), new ClaimFact.Rejected(id(rejected.getMetadata()),
                    rejected.getMetadata().getOccurredAt(), rejected.getReasons().stream()
                            .map(reason -> new ClaimFact.Reason(reason.getCode(), reason.getMessage())).toList(),
                    rejected.getRejectedBy(), rejected.getAfterDispute()));
        }
        if (event instanceof ArbitrationDecided decided) {
            require(decided.getOutcome() != ArbitrationOutcome.UNKNOWN, "an arbitration outcome this service knows");
            return addressed(decided.getMetadata(), new ClaimFact.Arbitrated(id(decided.getMetadata()),
                    decided.getMetadata().getOccurredAt(),
                    decided.getOutcome() == ArbitrationOutcome.AWARD_TO_CLAIMANT ? "AWARDED" : "KEPT"));
        }
        return fromAssociation(event);
    }

    private static Optional<Addressed> fromAssociation(Object event) {
        if (event instanceof AssociationRequested requested) {
            return addressed(requested.getMetadata(), new ClaimFact.AssociationRequested(
                    id(requested.getMetadata()), requested.getMetadata().getOccurredAt(),
                    workloads(requested.getWorkloads())));
        }
        if (event instanceof AssociationConflicted conflicted) {
            require(!conflicted.getConflicts().isEmpty(), "a conflict needs at least one workload");
            Map<String, String> reasons = new LinkedHashMap<>();
            for (WorkloadConflict conflict : conflicted.getConflicts()) {
                reasons.put(conflict.getWorkload(), conflict.getReason().name());
            }
            return addressed(conflicted.getMetadata(), new ClaimFact.Conflicted(id(conflicted.getMetadata()),
                    conflicted.getMetadata().getOccurredAt(), reasons));
        }
        if (event instanceof CustomerNotified notified) {
            require(!notified.getDeclineBy().isBefore(notified.getSentAt()), "declineBy is before sentAt");
            return addressed(notified.getMetadata(), new ClaimFact.CustomerNotified(id(notified.getMetadata()),
                    notified.getMetadata().getOccurredAt(), notified.getDeclineBy()));
        }
        if (event instanceof AssociationActivated activated) {
            return addressed(activated.getMetadata(), new ClaimFact.Activated(id(activated.getMetadata()),
                    activated.getMetadata().getOccurredAt(), workloads(activated.getWorkloads())));
        }
        if (event instanceof AssociationDeclined declined) {
            return addressed(declined.getMetadata(), new ClaimFact.Declined(id(declined.getMetadata()),
                    declined.getMetadata().getOccurredAt(), workloads(declined.getWorkloads())));
        }
        if (event instanceof AssociationDisassociated disassociated) {
            return addressed(disassociated.getMetadata(), new ClaimFact.Disassociated(id(disassociated.getMetadata()),
                    disassociated.getMetadata().getOccurredAt(), workloads(disassociated.getWorkloads()),
                    disassociated.getReason()));
        }
        if (event instanceof AssociationContested contested) {
            require(!contested.getContested().isEmpty(), "a contest needs at least one workload");
            // Only the workloads: who holds them is for validators, never for the claimant.
            return addressed(contested.getMetadata(), new ClaimFact.Contested(id(contested.getMetadata()),
                    contested.getMetadata().getOccurredAt(), contested.getContested().stream()
                            .map(workload -> workload.getWorkload()).distinct().toList()));
        }
        if (event instanceof AssociationUncontested uncontested) {
            return addressed(uncontested.getMetadata(), new ClaimFact.Arbitrated(id(uncontested.getMetadata()),
                    uncontested.getMetadata().getOccurredAt(), "LET_GO"));
        }
        if (event instanceof AssociationSuperseded superseded) {
            return addressed(superseded.getMetadata(), new ClaimFact.Superseded(id(superseded.getMetadata()),
                    superseded.getMetadata().getOccurredAt(), workloads(superseded.getWorkloads())));
        }
        if (event instanceof AssociationRemoved removed) {
            return addressed(removed.getMetadata(), new ClaimFact.Removed(id(removed.getMetadata()),
                    removed.getMetadata().getOccurredAt(), workloads(removed.getWorkloads())));
        }
        return Optional.empty();
    }

    private static List<String> workloads(List<String> workloads) {
        require(!workloads.isEmpty(), "the event names no workload");
        return List.copyOf(workloads);
    }

    private static UUID id(EventMetadata metadata) {
        return metadata.getEventId();
    }

    private static Optional<Addressed> addressed(EventMetadata metadata, ClaimFact fact) {
        return Optional.of(new Addressed(metadata.getClaimId(), fact));
    }

    private static void require(boolean rule, String broken) {
        if (!rule) {
            throw new InvalidEventException(broken);
        }
    }

    /** A fact and the claim it is about. */
    record Addressed(UUID claimId, ClaimFact fact) {
    }
}
