package io.cpor.associations.store;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An association request as stored, with its events not yet published ({@code outbox}). */
@Document(AssociationDocument.COLLECTION)
record AssociationDocument(
        @Id String id,
        String claimId,
        String approvedEventId,
        Instant approvedAt,
        String partnerId,
        ContactDocument partnerContact,
        String claimName,
        String tenantId,
        String domain,
        ContactDocument customerContact,
        String customerTitle,
        String locale,
        String solutionArea,
        String program,
        String subscriptionId,
        List<WorkloadDocument> workloads,
        String status,
        String tokenHash,
        Instant linkExpiresAt,
        Instant createdAt,
        String notifiedEventId,
        Instant notifiedAt,
        Instant declineBy,
        Instant activatedAt,
        Instant declinedAt,
        boolean activationReversed,
        Instant removedAt,
        Instant withdrawnAt,
        List<EventDocument> outbox,
        Instant updatedAt,
        long revision) {

    static final String COLLECTION = "associations";

    record ContactDocument(String name, String email) {
    }

    /** A workload and its outcome; a contested one names its holder (request, claim, partner). */
    record WorkloadDocument(String workload, String outcome, String holderRequestId, String holderClaimId,
            String holderPartnerId) {
    }

    /** One event of the outbox; which fields it has depends on its type. */
    record EventDocument(String type, String eventId, Instant occurredAt, String causationId, List<String> workloads,
            String declineUrl, List<WorkloadDocument> conflicts, Instant at, boolean activationReversed,
            String reason) {
    }
}
