package io.cpor.claims.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A claim as stored. Ids are kept as strings, so the documents read the same from any driver. */
@Document("claims")
record ClaimDocument(
        @Id String id,
        String partnerId,
        String name,
        CustomerDocument customer,
        ContactDocument partnerContact,
        String solutionArea,
        String program,
        String partnerRole,
        List<String> requestedWorkloads,
        String subscriptionId,
        DocumentRefDocument proofOfExecution,
        ContactDocument technicalContact,
        String comments,
        boolean programTermsAccepted,
        boolean incentiveOptOut,
        String status,
        Map<String, String> workloads,
        Instant submittedAt,
        Instant updatedAt,
        Instant declineBy,
        List<ReasonDocument> rejectionReasons,
        InformationRequestDocument informationRequest,
        Instant rejectedAt,
        DisputeDocument dispute,
        List<TimelineDocument> timeline,
        List<String> seenEventIds,
        Instant reviewClock,
        List<PendingEventDocument> outbox,
        String idempotencyScope,
        String idempotencyFingerprint,
        long revision) {

    record CustomerDocument(String tenantId, String domain, String locale, ContactDocument contact) {
    }

    /** A person: name, email, and a title (the customer's) or a phone (the technical contact's). */
    record ContactDocument(String name, String title, String email, String phone) {
    }

    record DisputeDocument(Instant disputedAt, String justification, List<DocumentRefDocument> documents) {
    }

    record ChangeDocument(String field, String before, String after) {
    }

    record DocumentRefDocument(String fileName, String mediaType, long sizeBytes, String sha256, String uri) {
    }

    record ReasonDocument(String code, String message) {
    }

    record InformationRequestDocument(String eventId, String message, List<String> reasons, String requestedBy,
            Instant requestedAt, Instant answerBy) {
    }

    record TimelineDocument(Instant at, String event, String detail) {
    }

    /** An event not yet published: its kind and what the claim document does not already hold. */
    record PendingEventDocument(String eventId, String type, Instant occurredAt, String causationId,
            String inResponseTo, String message, List<DocumentRefDocument> documents, String reason,
            List<ChangeDocument> changes) {
    }
}
