package io.cpor.associations.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What an association request emits; ids derive from the request, so a step replayed emits the same ids. */
public sealed interface AssociationEvent {

    UUID eventId();

    Instant occurredAt();

    UUID causationId();

    /** The customer is asked (one per claim), with the link to decline. */
    record Requested(UUID eventId, Instant occurredAt, UUID causationId, List<String> workloads, String declineUrl)
            implements AssociationEvent {
    }

    /** Workloads that could not be reserved, and why (the holder is never named). */
    record Conflicted(UUID eventId, Instant occurredAt, UUID causationId, List<WorkloadClaim> conflicts)
            implements AssociationEvent {
    }

    record Activated(UUID eventId, Instant occurredAt, UUID causationId, Instant activatedAt)
            implements AssociationEvent {
    }

    /** Declined before the deadline; {@code activationReversed} when the timer had fired first. */
    record Declined(UUID eventId, Instant occurredAt, UUID causationId, Instant declinedAt,
            boolean activationReversed) implements AssociationEvent {
    }

    record Removed(UUID eventId, Instant occurredAt, UUID causationId, Instant removedAt)
            implements AssociationEvent {
    }

    /** Workloads another partner holds: Microsoft arbitrates (each with its holder, for validators only). */
    record Contested(UUID eventId, Instant occurredAt, UUID causationId, List<WorkloadClaim> contested)
            implements AssociationEvent {
    }

    /** The holders let go of what the request contested before Microsoft arbitrated: nothing to arbitrate. */
    record Uncontested(UUID eventId, Instant occurredAt, UUID causationId) implements AssociationEvent {
    }

    /** After arbitration these workloads were awarded to another partner: they end for this one. */
    record Superseded(UUID eventId, Instant occurredAt, UUID causationId, List<String> workloads)
            implements AssociationEvent {
    }

    /** The partner ended the association, for this reason. */
    record Disassociated(UUID eventId, Instant occurredAt, UUID causationId, String reason)
            implements AssociationEvent {
    }
}
