package io.cpor.claims.domain;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where claims are kept: one document per claim, with its unpublished events inside it. */
public interface ClaimStore {

    /**
     * Stores a new claim with its events in one write. If its idempotency scope is taken, emits a
     * {@link DuplicateSubmissionException} carrying the claim that took it.
     */
    Mono<Claim> insert(Claim claim);

    Mono<Claim> find(UUID claimId);

    /**
     * Stores a changed claim (its status, workloads, timeline and new events) if nobody changed it since it was
     * read; empty if somebody did (read again and retry).
     */
    Mono<Claim> update(Claim changed);

    /** The partner's claims matching the query, in its order. */
    Flux<Claim> list(String partnerId, ClaimQuery query);

    /** Claims with events not yet published. */
    Flux<Claim> withPendingEvents();

    /** Forgets events once the broker has them. */
    /** Forgets published events, by aggregate id, in one write. */
    Mono<Void> markPublished(java.util.Map<UUID, java.util.List<UUID>> eventIds);

    /**
     * A filter (status, tenant, and {@code search}: part of the name, the tenant id or domain or the claim id, any
     * case), an order, the position after which the page starts, and how many (0: all).
     */
    record ClaimQuery(ClaimStatus status, UUID tenantId, String search, Order order, Position after, int limit) {

        public ClaimQuery {
            order = order == null ? Order.NEWEST_FIRST : order;
        }
    }

    /** What a list can be sorted by. */
    enum SortField {
        SUBMITTED_AT, STATUS, NAME;

        /** The value of this field that a position in the order records. */
        public String valueOf(Claim claim) {
            return switch (this) {
                case SUBMITTED_AT -> claim.state().submittedAt().toString();
                case STATUS -> claim.state().status().name();
                case NAME -> claim.state().details().name();
            };
        }
    }

    /** A sort field and direction; ties go by claim id in the same direction. */
    record Order(SortField field, boolean ascending) {

        public static final Order NEWEST_FIRST = new Order(SortField.SUBMITTED_AT, false);
    }

    /** The last claim of a page: its value of the sort field and its id. */
    record Position(String value, UUID claimId) {

        public static Position of(Claim claim, Order order) {
            return new Position(order.field().valueOf(claim), claim.id());
        }
    }
}
