package io.cpor.associations;

import io.cpor.events.EventMetadata;
import io.cpor.events.claims.Claim;
import io.cpor.events.claims.ClaimWithdrawn;
import io.cpor.events.claims.Customer;
import io.cpor.events.claims.CustomerContact;
import io.cpor.events.claims.PartnerContact;
import io.cpor.events.notifications.CustomerNotified;
import io.cpor.events.outcomes.ArbitrationDecided;
import io.cpor.events.outcomes.ArbitrationOutcome;
import io.cpor.events.outcomes.ClaimApproved;
import io.cpor.schemas.EventIds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The events association-service hears, as validation-, notification- and claim-service publish them. */
public final class Approvals {

    private Approvals() {
    }

    public static ClaimApproved approved(String partnerId, UUID tenantId, String... workloads) {
        return approved(partnerId, "Fabrikam Consulting", tenantId, "en", workloads);
    }

    public static ClaimApproved approved(String partnerId, String partnerName, UUID tenantId, String locale,
            String... workloads) {
        UUID claimId = UUID.randomUUID();
        Claim claim = Claim.newBuilder().setPartnerId(partnerId).setName("Teams rollout")
                .setCustomer(Customer.newBuilder().setTenantId(tenantId).setDomain("contoso.onmicrosoft.com")
                        .setLocale(locale).setContact(CustomerContact.newBuilder().setName("Ana Souza")
                                .setTitle("CIO").setEmail("ana@contoso.example").build()).build())
                .setPartnerContact(PartnerContact.newBuilder().setName(partnerName)
                        .setEmail("sam@partner.example").build())
                .setSolutionArea("MODERN_WORK_SECURITY").setProgram("OSU_M365").setPartnerRole("USE_OR_CONSUME")
                .setWorkloads(List.of(workloads)).setSubscriptionId(null).setProofOfExecution(null).build();
        return ClaimApproved.newBuilder().setMetadata(metadata(claimId, UUID.randomUUID())).setClaim(claim)
                .setApprovedBy("validator-1").build();
    }

    /** An approved Business Applications claim (OSU, one partner per subscription) for the subscription. */
    public static ClaimApproved approvedForSubscription(String partnerId, UUID tenantId, String subscriptionId,
            String... workloads) {
        ClaimApproved approved = approved(partnerId, tenantId, workloads);
        Claim claim = Claim.newBuilder(approved.getClaim()).setSolutionArea("BUSINESS_APPLICATIONS")
                .setProgram("OSU_BUSINESS_APPLICATIONS").setPartnerRole("USAGE_RECOGNITION")
                .setSubscriptionId(subscriptionId).build();
        return ClaimApproved.newBuilder(approved).setClaim(claim).build();
    }

    /** What validation-service publishes once validators arbitrated for the approved claim. */
    public static ArbitrationDecided arbitrated(ClaimApproved approved, ArbitrationOutcome outcome) {
        return ArbitrationDecided.newBuilder().setMetadata(metadata(approved.getMetadata().getClaimId(),
                UUID.randomUUID())).setClaim(approved.getClaim()).setOutcome(outcome).setDecidedBy("validator-1")
                .build();
    }

    /** What notification-service publishes once the customer's mail is sent. */
    public static CustomerNotified notified(UUID claimId, UUID requestId, UUID tenantId, UUID requestedEventId,
            Instant sentAt, Instant declineBy) {
        return CustomerNotified.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(EventIds.derive(requestedEventId,
                        "customer-notified")).setOccurredAt(sentAt).setClaimId(claimId)
                        .setCausationId(requestedEventId).build())
                .setRequestId(requestId).setTenantId(tenantId).setPartnerId("1000001").setSentAt(sentAt)
                .setDeclineBy(declineBy).setMessageId("<" + requestedEventId + "@notifications.cpor>").build();
    }

    public static ClaimWithdrawn withdrawn(UUID claimId, String partnerId, UUID tenantId) {
        return ClaimWithdrawn.newBuilder().setMetadata(metadata(claimId, UUID.randomUUID())).setPartnerId(partnerId)
                .setTenantId(tenantId).setReason(null).build();
    }

    private static EventMetadata metadata(UUID claimId, UUID cause) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setClaimId(claimId).setCausationId(cause)
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
    }
}
