package io.cpor.validation.store;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A review as stored. */
@Document(ReviewDocument.COLLECTION)
record ReviewDocument(
        @Id String id,
        ClaimDocument claim,
        Instant submittedAt,
        String status,
        int round,
        List<CheckDocument> checks,
        List<ExchangeDocument> exchanges,
        String currentReviewRequestId,
        Instant queuedAt,
        String decidedBy,
        List<CheckDocument> rejectionReasons,
        Instant timerDueAt,
        DisputeDocument dispute,
        ArbitrationDocument arbitration,
        List<String> seenEventIds,
        List<EventDocument> outbox,
        Instant updatedAt,
        long revision) {

    static final String COLLECTION = "reviews";

    record ClaimDocument(String partnerId, String name, String tenantId, String domain, String locale,
            PersonDocument customerContact, PersonDocument partnerContact, String solutionArea, String program,
            String partnerRole, List<String> workloads, String subscriptionId, DocumentRefDocument proofOfExecution,
            PersonDocument technicalContact, String comments, boolean programTermsAccepted,
            boolean incentiveOptOut) {
    }

    /** A person: name, email, and a title (the customer's) or a phone (the technical contact's). */
    record PersonDocument(String name, String title, String email, String phone) {
    }

    record ChangeDocument(String field, String before, String after) {
    }

    record ArbitrationDocument(Instant openedAt, List<String> contestedWorkloads, List<HolderDocument> holders,
            String outcome, Instant moot) {
    }

    record HolderDocument(String claimId, List<String> workloads, ClaimDocument claim, String approvedBy,
            List<ExchangeDocument> exchanges) {
    }

    record DisputeDocument(Instant disputedAt, String justification, List<DocumentRefDocument> documents,
            Instant rejectedAt, String rejectedBy, List<CheckDocument> rejectedFor) {
    }

    record DocumentRefDocument(String fileName, String mediaType, long sizeBytes, String sha256, String uri) {
    }

    record CheckDocument(String code, boolean passed, String message) {
    }

    record ExchangeDocument(String requestEventId, Instant requestedAt, String requestedBy, String question,
            List<String> reasons, Instant answerBy, Instant answeredAt, String answer,
            List<DocumentRefDocument> documents, List<ChangeDocument> changes) {
    }

    /**
     * An unpublished event; which fields are set depends on its type. A review request's trigger is {@code trigger}
     * (documents written before it was kept have {@code afterInformation} only).
     */
    record EventDocument(String eventId, String type, Instant occurredAt, String causationId, Boolean afterInformation,
            String by, List<CheckDocument> reasons, String message, Instant answerBy, DecisionDocument decision,
            List<String> informationReasons, String trigger, Boolean afterDispute) {
    }

    record DecisionDocument(String decisionId, String kind, String reason, String message,
            List<String> informationReasons, String validator, String reviewRequestId, Instant decidedAt) {
    }
}
