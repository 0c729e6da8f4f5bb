package io.cpor.associations.domain;

import io.cpor.schemas.catalog.SolutionCatalog;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What association-service keeps of an approved claim: who asks, for which tenant and workloads (and subscription,
 * for Business Applications claims), whom to tell.
 */
public record ApprovedClaim(UUID claimId, UUID approvedEventId, Instant approvedAt, String partnerId,
        Contact partnerContact, String claimName, UUID tenantId, String domain, Contact customerContact,
        String customerTitle, String locale, String solutionArea, String program, List<String> workloads,
        String subscriptionId) {

    public ApprovedClaim {
        workloads = List.copyOf(workloads);
    }

    /**
     * The key of what holding {@code workload} takes exclusively: the tenant's workload, or, for a program that holds
     * subscriptions, the claim's subscription (one key for all its workloads). A claim of such a program that names
     * no subscription (an old one) holds its workloads.
     */
    public String holdingKey(String workload, SolutionCatalog.Holds holds) {
        if (holds == SolutionCatalog.Holds.SUBSCRIPTION && subscriptionId != null && !subscriptionId.isBlank()) {
            return "subscription:" + subscriptionId.strip().toLowerCase(java.util.Locale.ROOT);
        }
        return tenantId + ":" + workload;
    }

    /** A person to tell. */
    public record Contact(String name, String email) {
    }
}
