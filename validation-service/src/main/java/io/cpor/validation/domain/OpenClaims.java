package io.cpor.validation.domain;

import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The partner's open claims (not rejected, withdrawn, declined or removed) by tenant, program and workload: a
 * second open claim for the same is a duplicate. Enforced by the database, so two claims checked at once cannot
 * both pass.
 */
public interface OpenClaims {

    /** Marks the claim's workloads as claimed; answers the workloads another open claim already holds. */
    Mono<List<String>> reserve(UUID claimId, ClaimSnapshot claim);

    /** The claim is no longer open. */
    Mono<Void> release(UUID claimId);
}
