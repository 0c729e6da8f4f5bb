package io.cpor.validation.domain;

/** A decision for a claim that is not awaiting one (or for an earlier round of its review). */
public class NotInReviewException extends RuntimeException {

    public NotInReviewException(String message) {
        super(message);
    }
}
