package io.cpor.support.web;

import org.springframework.http.HttpStatus;

/** A refusal with a status and a sentence the caller can act on: answered as a problem of that status. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;

    public ProblemException(HttpStatus status, String type, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
    }

    public HttpStatus status() {
        return status;
    }

    /** A short slug naming the kind of problem, e.g. {@code claim-not-found}. */
    public String type() {
        return type;
    }

    public static ProblemException notFound(String type, String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, type, detail);
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, type, detail);
    }

    public static ProblemException forbidden(String type, String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, type, detail);
    }

    public static ProblemException unprocessable(String type, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, type, detail);
    }
}
