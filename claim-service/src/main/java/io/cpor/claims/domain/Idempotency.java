package io.cpor.claims.domain;

/**
 * The {@code Idempotency-Key} a claim was submitted with, scoped to its partner, and a fingerprint of the request
 * body, so a retry with the same body gets the first answer and a reuse with another body is refused.
 */
public record Idempotency(String scope, String fingerprint) {

    public static Idempotency of(String partnerId, String key, String fingerprint) {
        return new Idempotency(partnerId + ":" + key, fingerprint);
    }
}
