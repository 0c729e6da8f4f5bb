package io.cpor.local.http;

/** Ends a request with a status; the app's error renderer turns it into a body. */
public class HttpStatusException extends RuntimeException {

    private final int status;

    public HttpStatusException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
