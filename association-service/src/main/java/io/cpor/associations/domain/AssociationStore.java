package io.cpor.associations.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The association requests, one document each, with the events still to publish. */
public interface AssociationStore {

    /**
     * Stores a new request holding these keys; empty if one with its id exists (the approval was handled before),
     * {@link Reservations.Held} (and nothing stored) if another request holds any of the keys.
     */
    Mono<AssociationRequest> insert(AssociationRequest request, List<String> holding);

    Mono<AssociationRequest> find(UUID requestId);

    Mono<AssociationRequest> findByClaim(UUID claimId);

    /** The contested requests that wait on arbitration against this holder's request. */
    Flux<AssociationRequest> contesting(UUID holderRequestId);

    Mono<AssociationRequest> findByTokenHash(String tokenHash);

    /** Stores a step if the request is still at the revision it was read at; empty if it moved on meanwhile. */
    Mono<AssociationRequest> update(AssociationRequest changed);

    /**
     * Stores steps of many requests in one command, each as {@link #update} would, marked as written by
     * {@code writer}; answers those stored (at their new revision), not those that moved on meanwhile.
     */
    Flux<AssociationRequest> updateAll(List<AssociationRequest> changed, UUID writer);

    /** A partner's requests matching the query, in its order. */
    Flux<AssociationRequest> listForPartner(String partnerId, AssociationQuery query);

    /**
     * A filter (tenant, status, and {@code search}: part of the claim's name, the tenant id or domain, or the claim
     * id, any case), an order, the position after which the page starts, and how many (0: all).
     */
    record AssociationQuery(UUID tenantId, AssociationStatus status, String search, SortField field, boolean ascending,
            Position after, int limit) {
    }

    /** What a list can be sorted by: when the request was made (the claim approved), its status, the claim's name. */
    enum SortField {
        REQUESTED_AT, STATUS, NAME;

        /** The value of this field that a position in the order records. */
        public String valueOf(AssociationRequest request) {
            return switch (this) {
                case REQUESTED_AT -> request.state().createdAt().toString();
                case STATUS -> request.state().status().name();
                case NAME -> request.state().claim().claimName();
            };
        }
    }

    /** The last request of a page: its value of the sort field and its id. */
    record Position(String value, UUID requestId) {
    }

    Flux<AssociationRequest> withPendingEvents();

    /** Forgets published events, by aggregate id, in one write. */
    Mono<Void> markPublished(java.util.Map<UUID, java.util.List<UUID>> eventIds);

    /** Remembers that a claim was withdrawn, for an approval that arrives after the withdrawal. */
    Mono<Void> rememberWithdrawal(UUID claimId, Instant at);

    Mono<Boolean> wasWithdrawn(UUID claimId);
}
