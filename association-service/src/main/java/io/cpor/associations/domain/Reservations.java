package io.cpor.associations.domain;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Who holds each tenant's workload. The store enforces it (the tenant and workload are the key), so two partners
 * approved at the same moment cannot both win.
 */
public interface Reservations {

    /** Reserves the workload for the request; answers the holder, which is the request itself if it won. */
    Mono<Holder> reserve(UUID tenantId, String workload, UUID requestId, String partnerId, Instant at);

    /** Hands a stale reservation (its request no longer holds it) to another request; false if it moved meanwhile. */
    Mono<Boolean> takeOver(UUID tenantId, String workload, Holder stale, UUID requestId, String partnerId,
            Instant at);

    /** Releases the workload if this request holds it. */
    Mono<Void> release(UUID tenantId, String workload, UUID requestId);

    /** The request and partner holding a workload, and since when. */
    record Holder(UUID requestId, String partnerId, Instant since) {
    }
}
