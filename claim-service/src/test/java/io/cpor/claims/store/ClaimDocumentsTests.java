package io.cpor.claims.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpor.claims.domain.Claim;
import io.cpor.claims.domain.ClaimChange;
import io.cpor.claims.domain.ClaimDetails;
import io.cpor.claims.domain.ClaimEvent;
import io.cpor.claims.store.ClaimDocument.PendingEventDocument;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClaimDocumentsTests {

    private final Claim submitted = Claim.submit(UUID.randomUUID(), new ClaimDetails("1000001", "Contoso rollout",
            new ClaimDetails.Customer(UUID.randomUUID(), "contoso.onmicrosoft.com", "en",
                    new ClaimDetails.CustomerContact("Ana Souza", "CIO", "ana.souza@contoso.com")),
            new ClaimDetails.PartnerContact("Sam Partner", "sam@partner-one.example"), "MODERN_WORK_SECURITY",
            "OSU_M365", "USE_OR_CONSUME", List.of("TEAMS"), null, null, null, null, true, false),
            Instant.parse("2026-11-02T10:00:00Z"),
            UUID.randomUUID(), null);

    @Test
    void readsBackTheEventsItStored() {
        Claim read = ClaimDocuments.toClaim(ClaimDocuments.toDocument(submitted));

        assertThat(read.state().pendingEvents()).singleElement().isInstanceOf(ClaimEvent.Submitted.class)
                .isEqualTo(submitted.state().pendingEvents().get(0));
    }

    @Test
    void readsBackAnAmendmentAndADisputeWithEverythingTheyCarry() {
        ClaimEvent amended = new ClaimEvent.Amended(UUID.randomUUID(), Instant.parse("2026-11-03T10:00:00Z"),
                UUID.randomUUID(), List.of(new ClaimChange("workloads", "TEAMS", "TEAMS, INTUNE"),
                        new ClaimChange(ClaimChange.COMMENT, null, "Intune was part of it")));
        ClaimEvent disputed = new ClaimEvent.Disputed(UUID.randomUUID(), Instant.parse("2026-11-04T10:00:00Z"),
                UUID.randomUUID(), "The proof was attached", List.of(new ClaimDetails.DocumentRef("ack.pdf",
                        "application/pdf", 10, "ab".repeat(32), "https://files.example/ack.pdf")));

        for (ClaimEvent event : List.of(amended, disputed)) {
            ClaimDocument stored = ClaimDocuments.toDocument(submitted);
            Claim read = ClaimDocuments.toClaim(withOutbox(stored, ClaimDocuments.pending(event)));

            assertThat(read.state().pendingEvents()).containsExactly(event);
        }
    }

    @Test
    void refusesAStoredEventOfATypeItDoesNotKnowInsteadOfTakingItForASubmission() {
        ClaimDocument stored = ClaimDocuments.toDocument(submitted);
        PendingEventDocument event = stored.outbox().get(0);
        ClaimDocument withUnknownEvent = withOutbox(stored, new PendingEventDocument(event.eventId(),
                "SOMETHING_NEW", event.occurredAt(), event.causationId(), null, null, null, null, null));

        assertThatThrownBy(() -> ClaimDocuments.toClaim(withUnknownEvent))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Unknown stored event type SOMETHING_NEW");
    }

    private static ClaimDocument withOutbox(ClaimDocument d, PendingEventDocument event) {
        return new ClaimDocument(d.id(), d.partnerId(), d.name(), d.customer(), d.partnerContact(), d.solutionArea(),
                d.program(), d.partnerRole(), d.requestedWorkloads(), d.subscriptionId(), d.proofOfExecution(),
                d.technicalContact(), d.comments(), d.programTermsAccepted(), d.incentiveOptOut(), d.status(),
                d.workloads(), d.submittedAt(), d.updatedAt(), d.declineBy(), d.rejectionReasons(),
                d.informationRequest(), d.rejectedAt(), d.dispute(), d.timeline(), d.seenEventIds(), d.reviewClock(),
                List.of(event),
                d.idempotencyScope(), d.idempotencyFingerprint(), d.revision());
    }
}
