package io.cpor.associations.domain;

import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Who holds what one partner may hold at a time: a tenant's workload, or a subscription, named by a key
 * ({@link ApprovedClaim#holdingKey}). Each request holds its keys itself, and the store refuses a second holder of
 * any key, so two partners approved at the same moment cannot both win. A new request is stored holding its keys
 * ({@link AssociationStore#insert}); this port looks them up, and takes and releases them for a request stored.
 */
public interface Reservations {

    /** The request holding a key, if any. */
    Mono<Holder> holder(String key);

    /** Reserves the key for a stored request; answers the holder, which is the request itself if it won. */
    Mono<Holder> reserve(String key, UUID requestId);

    /** Takes a key from a stale holder (its request no longer holds what it names); false if it moved meanwhile. */
    Mono<Boolean> letGo(String key, Holder stale);

    /** Releases these keys, those of them this request holds. */
    Mono<Void> release(List<String> keys, UUID requestId);

    /** The request and partner holding a key. */
    record Holder(UUID requestId, String partnerId) {
    }

    /** Another request holds one of the keys of a request being stored (it was not stored). */
    final class Held extends RuntimeException {

        public Held(Throwable cause) {
            super("Another request holds one of the request's keys", cause, false, false);
        }
    }
}
