package io.cpor.claims.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a claim tells the other services, kept with the claim until it is published. */
public sealed interface ClaimEvent {

    UUID eventId();

    Instant occurredAt();

    /** The request (or event) that caused this one. */
    UUID causationId();

    /** The partner submitted the claim. */
    record Submitted(UUID eventId, Instant occurredAt, UUID causationId) implements ClaimEvent {
    }

    /** The partner answered the validator's information request. */
    record InformationProvided(UUID eventId, Instant occurredAt, UUID causationId, UUID inResponseTo,
            String message, List<ClaimDetails.DocumentRef> documents) implements ClaimEvent {

        public InformationProvided {
            documents = List.copyOf(documents);
        }
    }

    /** The partner changed the claim while a validator's question was open. */
    record Amended(UUID eventId, Instant occurredAt, UUID causationId, List<ClaimChange> changes)
            implements ClaimEvent {

        public Amended {
            changes = List.copyOf(changes);
        }
    }

    /** The partner disputed the claim's rejection. */
    record Disputed(UUID eventId, Instant occurredAt, UUID causationId, String justification,
            List<ClaimDetails.DocumentRef> documents) implements ClaimEvent {

        public Disputed {
            documents = List.copyOf(documents);
        }
    }

    /** The partner withdrew the claim. */
    record Withdrawn(UUID eventId, Instant occurredAt, UUID causationId, String reason) implements ClaimEvent {
    }
}
