package io.cpor.validation;

import io.cpor.events.EventMetadata;
import io.cpor.events.claims.Claim;
import io.cpor.events.claims.ClaimAmended;
import io.cpor.events.claims.ClaimChange;
import io.cpor.events.claims.ClaimDisputed;
import io.cpor.events.claims.ClaimInformationProvided;
import io.cpor.events.claims.ClaimSubmitted;
import io.cpor.events.claims.ClaimWithdrawn;
import io.cpor.events.claims.Customer;
import io.cpor.events.claims.CustomerContact;
import io.cpor.events.claims.DocumentReference;
import io.cpor.events.claims.PartnerContact;
import io.cpor.events.review.ReviewDecided;
import io.cpor.events.review.ReviewDecision;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The claim-service's events about a claim, as it publishes them, for the validation tests. */
public final class Claims {

    public static final UUID CONTOSO = UUID.fromString("2f6b1c3e-8d4a-4b7e-9a51-6c0d3e2f1a01");
    public static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    private Claims() {
    }

    public static Claim.Builder modernWork(String partnerId, UUID tenant, String domain) {
        return modernWork(partnerId, tenant, domain, "ana@" + domain);
    }

    /** A claim whose customer contact has this address. */
    public static Claim.Builder modernWork(String partnerId, UUID tenant, String domain, String contactEmail) {
        return Claim.newBuilder().setPartnerId(partnerId).setName("Teams rollout")
                .setCustomer(Customer.newBuilder().setTenantId(tenant).setDomain(domain).setLocale("en")
                        .setContact(CustomerContact.newBuilder().setName("Ana Souza").setTitle(null)
                                .setEmail(contactEmail).build()).build())
                .setPartnerContact(PartnerContact.newBuilder().setName("Sam Partner")
                        .setEmail("sam@partner.example").build())
                .setSolutionArea("MODERN_WORK_SECURITY").setProgram("OSU_M365").setPartnerRole("USE_OR_CONSUME")
                .setWorkloads(List.of("TEAMS")).setSubscriptionId(null)
                .setProofOfExecution(DocumentReference.newBuilder().setFileName("poe.pdf")
                        .setMediaType("application/pdf").setSizeBytes(48_213).setSha256("ab".repeat(32))
                        .setUri("https://files.partner.example/poe.pdf").build());
    }

    /** A Business Applications claim (OSU, usage recognition) naming the subscription. */
    public static Claim.Builder businessApplications(String partnerId, UUID tenant, String domain,
            String subscriptionId) {
        return modernWork(partnerId, tenant, domain).setSolutionArea("BUSINESS_APPLICATIONS")
                .setProgram("OSU_BUSINESS_APPLICATIONS").setPartnerRole("USAGE_RECOGNITION")
                .setWorkloads(List.of("DYNAMICS_365_SALES")).setSubscriptionId(subscriptionId);
    }

    public static ClaimSubmitted submitted(UUID claimId, Claim claim) {
        return ClaimSubmitted.newBuilder().setMetadata(metadata(claimId)).setClaim(claim).build();
    }

    public static ClaimInformationProvided answered(UUID claimId, String message) {
        return ClaimInformationProvided.newBuilder().setMetadata(metadata(claimId)).setPartnerId("1000001")
                .setInResponseTo(null).setMessage(message).setDocuments(List.of()).build();
    }

    /** The partner changed the claim while a question was open: the claim as it is now and one change. */
    public static ClaimAmended amended(UUID claimId, Claim claim, String field, String before, String after) {
        return ClaimAmended.newBuilder().setMetadata(metadata(claimId)).setPartnerId(claim.getPartnerId())
                .setClaim(claim).setChanges(List.of(ClaimChange.newBuilder().setField(field).setBefore(before)
                        .setAfter(after).build())).build();
    }

    public static ClaimDisputed disputed(UUID claimId, String justification) {
        return ClaimDisputed.newBuilder().setMetadata(metadata(claimId)).setPartnerId("1000001")
                .setJustification(justification).setDocuments(List.of()).build();
    }

    public static ClaimWithdrawn withdrawn(UUID claimId, UUID tenant) {
        return ClaimWithdrawn.newBuilder().setMetadata(metadata(claimId)).setPartnerId("1000001")
                .setTenantId(tenant).setReason(null).build();
    }

    public static ReviewDecided decided(UUID claimId, ReviewDecision decision, String reason, String message) {
        return ReviewDecided.newBuilder().setMetadata(metadata(claimId)).setDecision(decision).setReason(reason)
                .setMessage(message).setValidator("validator-tool").setReviewRequestId(null).build();
    }

    public static EventMetadata metadata(UUID claimId) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setClaimId(claimId)
                .setCausationId(UUID.randomUUID()).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }
}
