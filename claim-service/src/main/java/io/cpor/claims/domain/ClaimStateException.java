package io.cpor.claims.domain;

/**
 * What the partner asked cannot be done in the claim's current status (answered 409), with a stable code naming
 * why: {@code claim-state-conflict}, or a more precise one such as {@code dispute-window-closed}.
 */
public class ClaimStateException extends RuntimeException {

    private final String code;

    public ClaimStateException(String message) {
        this("claim-state-conflict", message);
    }

    public ClaimStateException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
