package io.cpor.validation.domain;

/** An event asks for a change of a claim that a claim never undergoes: refused, the review left as it is. */
public class RefusedChangeException extends RuntimeException {

    public RefusedChangeException(String message) {
        super(message);
    }
}
