package io.cpor.support.kafka;

/**
 * An event that was read but breaks a rule of the contract (a field out of range, a reference that cannot be). It
 * goes to the dead-letter twin at once, with this message in its headers.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
