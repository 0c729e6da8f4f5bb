package io.cpor.schemas;

/**
 * Topic names as compile-time constants, for annotations such as {@code @KafkaListener(topics = ...)}.
 * {@link Topic} pairs each with its key and value types.
 */
public final class Topics {

    public static final String CLAIMS_SUBMITTED = "cpor.claims.submitted";
    public static final String CLAIMS_REVIEW = "cpor.claims.review";
    public static final String CLAIMS_REVIEW_DECISIONS = "cpor.claims.review-decisions";
    public static final String CLAIMS_OUTCOMES = "cpor.claims.outcomes";
    public static final String ASSOCIATIONS_REQUESTS = "cpor.associations.requests";
    public static final String NOTIFICATIONS_CUSTOMER_NOTIFIED = "cpor.notifications.customer-notified";
    public static final String ASSOCIATIONS_EVENTS = "cpor.associations.events";

    /** Suffix of the dead-letter twin of every topic. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }
}
