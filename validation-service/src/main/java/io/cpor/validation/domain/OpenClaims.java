package io.cpor.validation.domain;

import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The partner's open claims (not rejected, withdrawn, declined or removed) by tenant, program and workload: a
 * second open claim for the same is a duplicate. Each review holds its own claim's workloads as open, and the
 * database refuses a second holder of any of them, so two claims checked at once cannot both pass. A review is
 * stored holding them ({@link ReviewStore#insert}) and lets them go in the update that rejects or withdraws it;
 * this port takes and releases them for a review already stored.
 */
public interface OpenClaims {

    /** The claim's workloads another open claim holds (reads only). */
    Mono<List<String>> heldByOthers(UUID claimId, ClaimSnapshot claim);

    /**
     * Marks a stored review's workloads as claimed, those no other open claim holds; answers the workloads others
     * hold.
     */
    Mono<List<String>> reserve(UUID claimId, ClaimSnapshot claim);

    /** The claim is no longer open. */
    Mono<Void> release(UUID claimId);

    /** Another open claim holds one of the workloads of a review being stored (it was not stored). */
    final class Held extends RuntimeException {

        public Held(Throwable cause) {
            super("Another open claim holds one of the claim's workloads", cause, false, false);
        }
    }
}
