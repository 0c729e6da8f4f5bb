package io.cpor.associations.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What association-service keeps of an approved claim: who asks, for which tenant and workloads, whom to tell. */
public record ApprovedClaim(UUID claimId, UUID approvedEventId, Instant approvedAt, String partnerId,
        Contact partnerContact, String claimName, UUID tenantId, String domain, Contact customerContact,
        String customerTitle, String locale, String solutionArea, String program, List<String> workloads) {

    public ApprovedClaim {
        workloads = List.copyOf(workloads);
    }

    /** A person to tell. */
    public record Contact(String name, String email) {
    }
}
