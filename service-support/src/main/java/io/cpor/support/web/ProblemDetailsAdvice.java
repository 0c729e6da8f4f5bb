package io.cpor.support.web;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Every failure of a request as {@code application/problem+json}: field errors for bad input, the status of a
 * {@link ProblemException}, and a reference (never a stack trace) for anything unexpected.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException failure) {
        return ResponseEntity.badRequest().body(Problems.invalid(failure.violations()));
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> refused(ProblemException failure) {
        return ResponseEntity.status(failure.status()).body(Problems.of(failure.status(), failure.type(),
                failure.status().getReasonPhrase(), failure.getMessage()));
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException failure) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLargeProblem());
    }

    /**
     * The database did not answer (down, restarting, unreachable): nothing was stored, and the same request later
     * will do. 503 with {@code Retry-After}, so a client retries rather than gives up; a warning, not an error.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ResponseEntity<ProblemDetail> unavailable(DataAccessException failure) {
        log.warn("Database unavailable, answered 503: {}", failure.getMostSpecificCause().toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                        "The service cannot reach its database just now; nothing was stored. Send the same request "
                                + "again (with the same Idempotency-Key, if it had one)."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure, reference {}", reference, failure);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Internal error", "The request could not be completed; quote reference " + reference));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException failure,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataBufferLimitException) {
                return Mono.just(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLargeProblem()));
            }
            if (cause instanceof JacksonException json) {
                return Mono.just(ResponseEntity.badRequest().body(Problems.invalid(
                        java.util.List.of(JsonErrors.describe(json)))));
            }
        }
        String detail = failure.getCause() instanceof DecodingException ? "The body is not valid JSON"
                : failure.getReason() == null ? "The request cannot be read" : failure.getReason();
        if (detail.startsWith("No request body")) {
            detail = "A JSON body is required";
        }
        return Mono.just(ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "unreadable-request",
                "Unreadable request", detail)));
    }

    static ProblemDetail tooLargeProblem() {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large",
                "The request body is larger than the service accepts");
    }
}
