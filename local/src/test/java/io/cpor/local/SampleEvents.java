package io.cpor.local;

import io.cpor.events.EventMetadata;
import io.cpor.events.claims.Claim;
import io.cpor.events.claims.ClaimSubmitted;
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

/** Contract events with realistic content, for the platform's tests. */
public final class SampleEvents {

    public static final UUID CONTOSO = UUID.fromString("2f6b1c3e-8d4a-4b7e-9a51-6c0d3e2f1a01");

    private SampleEvents() {
    }

    public static EventMetadata metadata(UUID claimId) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setClaimId(claimId)
                .setCausationId(UUID.randomUUID())
                .build();
    }

    public static Claim claim() {
        return Claim.newBuilder()
                .setPartnerId("1000001")
                .setName("Contoso Teams rollout")
                .setCustomer(Customer.newBuilder()
                        .setTenantId(CONTOSO)
                        .setDomain("contoso.onmicrosoft.com")
                        .setLocale("pt-BR")
                        .setContact(CustomerContact.newBuilder().setName("Ana Souza").setTitle("CIO")
                                .setEmail("ana.souza@contoso.com").build())
                        .build())
                .setPartnerContact(PartnerContact.newBuilder().setName("Sam Partner")
                        .setEmail("sam@partner-one.example").build())
                .setSolutionArea("MODERN_WORK_SECURITY")
                .setProgram("OSU_M365")
                .setPartnerRole("USE_OR_CONSUME")
                .setWorkloads(List.of("TEAMS", "EXCHANGE_ONLINE"))
                .setSubscriptionId(null)
                .setProofOfExecution(DocumentReference.newBuilder().setFileName("poe.pdf")
                        .setMediaType("application/pdf").setSizeBytes(48_213)
                        .setSha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                        .setUri("https://files.partner-one.example/poe.pdf").build())
                .build();
    }

    public static ClaimSubmitted claimSubmitted() {
        return ClaimSubmitted.newBuilder().setMetadata(metadata(UUID.randomUUID())).setClaim(claim()).build();
    }

    public static ReviewDecided approval(UUID claimId) {
        return ReviewDecided.newBuilder()
                .setMetadata(metadata(claimId))
                .setDecision(ReviewDecision.APPROVE)
                .setReason(null)
                .setMessage("Proof checks out")
                .setValidator("validator-tool")
                .setReviewRequestId(null)
                .build();
    }
}
