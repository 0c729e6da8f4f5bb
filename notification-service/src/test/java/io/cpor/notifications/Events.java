package io.cpor.notifications;

import io.cpor.events.EventMetadata;
import io.cpor.events.associations.AssociationActivated;
import io.cpor.events.associations.AssociationConflicted;
import io.cpor.events.associations.AssociationDeclined;
import io.cpor.events.associations.AssociationDisassociated;
import io.cpor.events.associations.AssociationRemoved;
import io.cpor.events.associations.AssociationRequested;
import io.cpor.events.associations.ConflictReason;
import io.cpor.events.associations.WorkloadConflict;
import io.cpor.events.claims.Claim;
import io.cpor.events.claims.Customer;
import io.cpor.events.claims.CustomerContact;
import io.cpor.events.claims.PartnerContact;
import io.cpor.events.outcomes.ClaimRejected;
import io.cpor.events.outcomes.InformationRequested;
import io.cpor.events.outcomes.RejectionReason;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The events notification-service hears, as association-service and validation-service publish them. */
public final class Events {

    private Events() {
    }

    /** A fresh address, so each test reads a mailbox of its own. */
    public static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + (who.startsWith("partner")
                ? "partner.example" : "contoso.example");
    }

    public static AssociationRequested.Builder requested(String customerEmail, String locale, String declineUrl) {
        UUID claimId = UUID.randomUUID();
        return AssociationRequested.newBuilder().setMetadata(metadata(claimId)).setRequestId(UUID.randomUUID())
                .setPartnerId("1000001").setPartnerContact(partner("Fabrikam Consulting", address("partner")))
                .setClaimName("Teams rollout")
                .setCustomer(Customer.newBuilder().setTenantId(UUID.randomUUID()).setDomain("contoso.onmicrosoft.com")
                        .setLocale(locale).setContact(CustomerContact.newBuilder().setName("Ana Souza")
                                .setTitle("IT director").setEmail(customerEmail).build()).build())
                .setSolutionArea("MODERN_WORK_SECURITY").setProgram("OSU_M365")
                .setWorkloads(List.of("TEAMS", "EXCHANGE_ONLINE")).setDeclineUrl(declineUrl);
    }

    public static Claim claim(String name, String partnerEmail) {
        return Claim.newBuilder().setPartnerId("1000001").setName(name)
                .setCustomer(Customer.newBuilder().setTenantId(UUID.randomUUID()).setDomain("contoso.onmicrosoft.com")
                        .setLocale("en").setContact(CustomerContact.newBuilder().setName("Ana Souza").setTitle(null)
                                .setEmail("ana@contoso.example").build()).build())
                .setPartnerContact(partner("Sam Partner", partnerEmail))
                .setSolutionArea("MODERN_WORK_SECURITY").setProgram("OSU_M365").setPartnerRole("USE_OR_CONSUME")
                .setWorkloads(List.of("TEAMS")).setSubscriptionId(null).setProofOfExecution(null).build();
    }

    public static ClaimRejected rejected(Claim claim, RejectionReason... reasons) {
        return ClaimRejected.newBuilder().setMetadata(metadata(UUID.randomUUID())).setClaim(claim)
                .setReasons(List.of(reasons)).setRejectedBy(null).build();
    }

    public static RejectionReason reason(String code, String message) {
        return RejectionReason.newBuilder().setCode(code).setMessage(message).build();
    }

    public static InformationRequested informationRequested(Claim claim, String message, Instant answerBy) {
        return InformationRequested.newBuilder().setMetadata(metadata(UUID.randomUUID())).setClaim(claim)
                .setMessage(message).setRequestedBy("validator-1").setAnswerBy(answerBy).build();
    }

    public static AssociationConflicted conflicted(String partnerEmail, String claimName) {
        return AssociationConflicted.newBuilder().setMetadata(metadata(UUID.randomUUID())).setPartnerId("1000001")
                .setPartnerContact(partner("Sam Partner", partnerEmail)).setClaimName(claimName)
                .setTenantId(UUID.randomUUID())
                .setConflicts(List.of(WorkloadConflict.newBuilder().setWorkload("INTUNE")
                        .setReason(ConflictReason.WORKLOAD_HELD_BY_ANOTHER_PARTNER).build()))
                .build();
    }

    public static AssociationActivated activated(String partnerEmail, String claimName) {
        return AssociationActivated.newBuilder().setMetadata(metadata(UUID.randomUUID()))
                .setRequestId(UUID.randomUUID()).setTenantId(UUID.randomUUID()).setPartnerId("1000001")
                .setPartnerContact(partner("Sam Partner", partnerEmail)).setClaimName(claimName)
                .setWorkloads(List.of("TEAMS", "PURVIEW")).setActivatedAt(now()).build();
    }

    public static AssociationDeclined declined(String partnerEmail, String claimName) {
        return AssociationDeclined.newBuilder().setMetadata(metadata(UUID.randomUUID()))
                .setRequestId(UUID.randomUUID()).setTenantId(UUID.randomUUID()).setPartnerId("1000001")
                .setPartnerContact(partner("Sam Partner", partnerEmail)).setClaimName(claimName)
                .setWorkloads(List.of("TEAMS")).setDeclinedAt(now()).setActivationReversed(false).build();
    }

    public static AssociationRemoved removed(String partnerEmail, String claimName) {
        return AssociationRemoved.newBuilder().setMetadata(metadata(UUID.randomUUID()))
                .setRequestId(UUID.randomUUID()).setTenantId(UUID.randomUUID()).setPartnerId("1000001")
                .setPartnerContact(partner("Sam Partner", partnerEmail)).setClaimName(claimName)
                .setWorkloads(List.of("ONEDRIVE")).setRemovedAt(now()).build();
    }

    public static AssociationDisassociated disassociated(String customerEmail, String locale, String reason) {
        UUID tenant = UUID.randomUUID();
        return AssociationDisassociated.newBuilder().setMetadata(metadata(UUID.randomUUID()))
                .setRequestId(UUID.randomUUID()).setTenantId(tenant).setPartnerId("1000001")
                .setPartnerContact(partner("Sam Partner", address("partner"))).setClaimName("Claimed by Contoso IT")
                .setCustomer(Customer.newBuilder().setTenantId(tenant).setDomain("contoso.onmicrosoft.com")
                        .setLocale(locale).setContact(CustomerContact.newBuilder().setName("Ana Souza")
                                .setTitle("CIO").setEmail(customerEmail).build()).build())
                .setWorkloads(List.of("TEAMS")).setReason(reason).setDisassociatedAt(now()).build();
    }

    public static EventMetadata metadata(UUID claimId) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setClaimId(claimId)
                .setCausationId(UUID.randomUUID()).setOccurredAt(now()).build();
    }

    private static PartnerContact partner(String name, String email) {
        return PartnerContact.newBuilder().setName(name).setEmail(email).build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
