package io.cpor.support.kafka;

/** A listener threw an {@link Error} on a record; the record is retried like any failure, then dead-lettered. */
public class ListenerErrorException extends RuntimeException {

    public ListenerErrorException(String listenerId, Error error) {
        super("Listener " + listenerId + " failed with " + error, error);
    }
}
