package io.cpor.claims.domain;

/** An {@code Idempotency-Key} was reused with a different request body (answered 422). */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException() {
        super("This Idempotency-Key was used before with a different request body");
    }
}
