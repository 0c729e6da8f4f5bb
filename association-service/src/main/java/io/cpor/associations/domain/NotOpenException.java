package io.cpor.associations.domain;

/** The request cannot be declined or removed any more: withdrawn by the partner, or its link expired. */
public class NotOpenException extends RuntimeException {

    public NotOpenException(String message) {
        super(message);
    }
}
