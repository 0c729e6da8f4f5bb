package io.cpor.associations.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The association requests, one document each, with the events still to publish. */
public interface AssociationStore {

    /** Stores a new request; empty if one with its id exists (the approval was handled before). */
    Mono<AssociationRequest> insert(AssociationRequest request);

    Mono<AssociationRequest> find(UUID requestId);

    Mono<AssociationRequest> findByClaim(UUID claimId);

    Mono<AssociationRequest> findByTokenHash(String tokenHash);

    /** Stores a step if the request is still at the revision it was read at; empty if it moved on meanwhile. */
    Mono<AssociationRequest> update(AssociationRequest changed);

    /** A partner's requests, newest first, optionally of one tenant and status, after a position. */
    Flux<AssociationRequest> listForPartner(String partnerId, UUID tenantId, AssociationStatus status,
            Instant beforeCreatedAt, UUID beforeId, int limit);

    Flux<AssociationRequest> withPendingEvents();

    Mono<Void> markPublished(UUID requestId, List<UUID> eventIds);

    /** Remembers that a claim was withdrawn, for an approval that arrives after the withdrawal. */
    Mono<Void> rememberWithdrawal(UUID claimId, Instant at);

    Mono<Boolean> wasWithdrawn(UUID claimId);
}
