package io.cpor.support.kafka;

/**
 * A dependency of the service (a directory, an SMTP server) cannot be reached now: the record is retried with
 * backoff for as long as this lasts, never dead-lettered.
 */
public class TransientFailureException extends RuntimeException {

    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
