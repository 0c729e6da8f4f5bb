package io.cpor.associations.api;

import io.cpor.associations.domain.AssociationRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One association request as its partner sees it: the claim, the tenant, each workload's outcome, and where the
 * customer's answer stands.
 */
record AssociationView(UUID requestId, UUID claimId, String claimName, UUID tenantId, String domain, String state,
        List<WorkloadView> workloads, Instant requestedAt, Instant notifiedAt, Instant declineBy, Instant activatedAt,
        Instant declinedAt, Instant removedAt, Instant withdrawnAt) {

    /** A workload and what became of it at approval: RESERVED, HELD_BY_ANOTHER_PARTNER or ALREADY_ASSOCIATED. */
    record WorkloadView(String workload, String outcome) {
    }

    static AssociationView of(AssociationRequest request) {
        AssociationRequest.State s = request.state();
        return new AssociationView(s.requestId(), s.claim().claimId(), s.claim().claimName(), s.claim().tenantId(),
                s.claim().domain(), s.status().name(), s.workloads().stream()
                        .map(w -> new WorkloadView(w.workload(), w.outcome().name())).toList(),
                s.createdAt(), s.notifiedAt(), s.declineBy(), s.activatedAt(), s.declinedAt(), s.removedAt(),
                s.withdrawnAt());
    }
}
