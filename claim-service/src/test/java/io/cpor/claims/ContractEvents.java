package io.cpor.claims;

import io.cpor.events.EventMetadata;
import io.cpor.events.associations.AssociationActivated;
import io.cpor.events.associations.AssociationConflicted;
import io.cpor.events.associations.AssociationRequested;
import io.cpor.events.associations.ConflictReason;
import io.cpor.events.associations.WorkloadConflict;
import io.cpor.events.claims.Claim;
import io.cpor.events.claims.Customer;
import io.cpor.events.claims.CustomerContact;
import io.cpor.events.claims.PartnerContact;
import io.cpor.events.notifications.CustomerNotified;
import io.cpor.events.outcomes.ClaimApproved;
import io.cpor.events.outcomes.ClaimRejected;
import io.cpor.events.outcomes.RejectionReason;
import io.cpor.events.review.CheckResult;
import io.cpor.events.review.ReviewRequested;
import io.cpor.events.review.ReviewTrigger;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events of the other services about one claim, as they would publish them, at chosen times. */
public final class ContractEvents {

    private final UUID claimId;
    private final UUID tenantId;

    public ContractEvents(String claimId, UUID tenantId) {
        this.claimId = UUID.fromString(claimId);
        this.tenantId = tenantId;
    }

    public EventMetadata metadata(UUID eventId, Instant at) {
        return EventMetadata.newBuilder().setEventId(eventId).setOccurredAt(at).setClaimId(claimId)
                .setCausationId(UUID.randomUUID()).build();
    }

    public ReviewRequested reviewRequested(UUID eventId, Instant at, int round) {
        return ReviewRequested.newBuilder().setMetadata(metadata(eventId, at)).setClaim(claim())
                .setSubmittedAt(at).setTrigger(ReviewTrigger.SUBMITTED).setReviewRound(round)
                .setChecks(List.of(CheckResult.newBuilder().setCode("TENANT_DOMAIN_MISMATCH").setPassed(true)
                        .setMessage("The domain belongs to the tenant").build()))
                .setInformationExchanges(List.of()).build();
    }

    public ClaimApproved approved(UUID eventId, Instant at) {
        return ClaimApproved.newBuilder().setMetadata(metadata(eventId, at)).setClaim(claim())
                .setApprovedBy("validator@microsoft.example").build();
    }

    public ClaimRejected rejected(UUID eventId, Instant at, String... codes) {
        return ClaimRejected.newBuilder().setMetadata(metadata(eventId, at)).setClaim(claim())
                .setReasons(java.util.Arrays.stream(codes).map(code -> RejectionReason.newBuilder().setCode(code)
                        .setMessage("Reason " + code).build()).toList())
                .setRejectedBy(null).build();
    }

    public AssociationRequested associationRequested(UUID eventId, Instant at, String... workloads) {
        return AssociationRequested.newBuilder().setMetadata(metadata(eventId, at)).setRequestId(UUID.randomUUID())
                .setPartnerId("1000001").setPartnerContact(partnerContact()).setClaimName("Contoso Teams rollout")
                .setCustomer(claim().getCustomer()).setSolutionArea("MODERN_WORK_SECURITY").setProgram("OSU_M365")
                .setWorkloads(List.of(workloads)).setDeclineUrl("http://localhost:8084/decline/token").build();
    }

    public AssociationConflicted conflicted(UUID eventId, Instant at, String workload) {
        return AssociationConflicted.newBuilder().setMetadata(metadata(eventId, at)).setPartnerId("1000001")
                .setPartnerContact(partnerContact()).setClaimName("Contoso Teams rollout").setTenantId(tenantId)
                .setConflicts(List.of(WorkloadConflict.newBuilder().setWorkload(workload)
                        .setReason(ConflictReason.WORKLOAD_HELD_BY_ANOTHER_PARTNER).build()))
                .build();
    }

    public CustomerNotified customerNotified(UUID eventId, Instant at, Instant declineBy) {
        return CustomerNotified.newBuilder().setMetadata(metadata(eventId, at)).setRequestId(UUID.randomUUID())
                .setTenantId(tenantId).setPartnerId("1000001").setSentAt(at).setDeclineBy(declineBy)
                .setMessageId("<" + eventId + "@cpor.example>").build();
    }

    public AssociationActivated activated(UUID eventId, Instant at, String... workloads) {
        return AssociationActivated.newBuilder().setMetadata(metadata(eventId, at)).setRequestId(UUID.randomUUID())
                .setTenantId(tenantId).setPartnerId("1000001").setPartnerContact(partnerContact())
                .setClaimName("Contoso Teams rollout").setWorkloads(List.of(workloads)).setActivatedAt(at).build();
    }

    private Claim claim() {
        return Claim.newBuilder().setPartnerId("1000001").setName("Contoso Teams rollout")
                .setCustomer(Customer.newBuilder().setTenantId(tenantId).setDomain("contoso.onmicrosoft.com")
                        .setLocale("en").setContact(CustomerContact.newBuilder().setName("Ana Souza").setTitle(null)
                                .setEmail("ana.souza@contoso.com").build()).build())
                .setPartnerContact(partnerContact()).setSolutionArea("MODERN_WORK_SECURITY").setProgram("OSU_M365")
                .setPartnerRole("USE_OR_CONSUME").setWorkloads(List.of("TEAMS", "EXCHANGE_ONLINE"))
                .setSubscriptionId(null).setProofOfExecution(null).build();
    }

    private static PartnerContact partnerContact() {
        return PartnerContact.newBuilder().setName("Sam Partner").setEmail("sam@partner-one.example").build();
    }
}
