package io.cpor.validation.store;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A review as stored. */
@Document("reviews")
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
        List<String> seenEventIds,
        List<EventDocument> outbox,
        Instant updatedAt,
        long revision) {

    record ClaimDocument(String partnerId, String name, String tenantId, String domain, String locale,
            PersonDocument customerContact, PersonDocument partnerContact, String solutionArea, String program,
            String partnerRole, List<String> workloads, String subscriptionId, DocumentRefDocument proofOfExecution) {
    }

    record PersonDocument(String name, String title, String email) {
    }

    record DocumentRefDocument(String fileName, String mediaType, long sizeBytes, String sha256, String uri) {
    }

    record CheckDocument(String code, boolean passed, String message) {
    }

    record ExchangeDocument(String requestEventId, Instant requestedAt, String requestedBy, String question,
            List<String> reasons, Instant answerBy, Instant answeredAt, String answer,
            List<DocumentRefDocument> documents) {
    }

    /** An unpublished event; which fields are set depends on its type. */
    record EventDocument(String eventId, String type, Instant occurredAt, String causationId, Boolean afterInformation,
            String by, List<CheckDocument> reasons, String message, Instant answerBy, DecisionDocument decision,
            List<String> informationReasons) {
    }

    record DecisionDocument(String decisionId, String kind, String reason, String message,
            List<String> informationReasons, String validator, String reviewRequestId, Instant decidedAt) {
    }
}
