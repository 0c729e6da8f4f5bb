package io.cpor.associations.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Who holds what one partner may hold at a time: a tenant's workload, or a subscription, named by a key
 * ({@link ApprovedClaim#holdingKey}). The store enforces it (the key is unique), so two partners approved at the
 * same moment cannot both win.
 */
public interface Reservations {

    /** Reserves the key for the request; answers the holder, which is the request itself if it won. */
    Mono<Holder> reserve(String key, UUID requestId, String partnerId, Instant at);

    /**
     * Reserves all these keys for the request in one write, or none of them: false if another request holds any
     * (then each is reserved, or not, on its own).
     */
    Mono<Boolean> reserveAll(List<String> keys, UUID requestId, String partnerId, Instant at);

    /** Hands a stale reservation (its request no longer holds it) to another request; false if it moved meanwhile. */
    Mono<Boolean> takeOver(String key, Holder stale, UUID requestId, String partnerId, Instant at);

    /** Releases these keys, those of them this request holds. */
    Mono<Void> release(List<String> keys, UUID requestId);

    /** The request and partner holding a workload, and since when. */
    record Holder(UUID requestId, String partnerId, Instant since) {
    }
}
