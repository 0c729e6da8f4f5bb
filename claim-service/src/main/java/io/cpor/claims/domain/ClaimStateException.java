package io.cpor.claims.domain;

/** What the partner asked cannot be done in the claim's current status (answered 409). */
public class ClaimStateException extends RuntimeException {

    public ClaimStateException(String message) {
        super(message);
    }
}
