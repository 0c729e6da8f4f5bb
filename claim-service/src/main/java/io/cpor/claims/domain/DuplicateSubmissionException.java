package io.cpor.claims.domain;

/** A submission reused an {@code Idempotency-Key}; carries the claim first submitted with it. */
public class DuplicateSubmissionException extends RuntimeException {

    private final transient Claim existing;

    public DuplicateSubmissionException(Claim existing) {
        super("Idempotency key already used for claim " + existing.id());
        this.existing = existing;
    }

    public Claim existing() {
        return existing;
    }
}
