package io.cpor.validation.domain;

/** Where a claim's review is. IN_REVIEW is what the review API calls PENDING. */
public enum ReviewStatus {
    IN_REVIEW, INFORMATION_REQUESTED, APPROVED, REJECTED, WITHDRAWN
}
