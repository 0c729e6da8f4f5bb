package io.cpor.claims.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpor.claims.domain.Claim;
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
            "OSU_M365", "USAGE_RECOGNITION", List.of("TEAMS"), null, null), Instant.parse("2026-11-02T10:00:00Z"),
            UUID.randomUUID(), null);

    @Test
    void readsBackTheEventsItStored() {
        Claim read = ClaimDocuments.toClaim(ClaimDocuments.toDocument(submitted));

        assertThat(read.state().pendingEvents()).singleElement().isInstanceOf(ClaimEvent.Submitted.class)
                .isEqualTo(submitted.state().pendingEvents().get(0));
    }

    @Test
    void refusesAStoredEventOfATypeItDoesNotKnowInsteadOfTakingItForASubmission() {
        ClaimDocument stored = ClaimDocuments.toDocument(submitted);
        PendingEventDocument event = stored.outbox().get(0);
        ClaimDocument withUnknownEvent = withOutbox(stored, new PendingEventDocument(event.eventId(),
                "SOMETHING_NEW", event.occurredAt(), event.causationId(), null, null, null, null));

        assertThatThrownBy(() -> ClaimDocuments.toClaim(withUnknownEvent))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Unknown stored event type SOMETHING_NEW");
    }

    private static ClaimDocument withOutbox(ClaimDocument d, PendingEventDocument event) {
        return new ClaimDocument(d.id(), d.partnerId(), d.name(), d.customer(), d.partnerContact(), d.solutionArea(),
                d.program(), d.partnerRole(), d.requestedWorkloads(), d.subscriptionId(), d.proofOfExecution(),
                d.status(), d.workloads(), d.submittedAt(), d.updatedAt(), d.declineBy(), d.rejectionReasons(),
                d.informationRequest(), d.timeline(), d.seenEventIds(), d.reviewClock(), List.of(event),
                d.idempotencyScope(), d.idempotencyFingerprint(), d.revision());
    }
}
