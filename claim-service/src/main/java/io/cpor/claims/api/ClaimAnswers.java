package io.cpor.claims.api;

import io.cpor.claims.domain.ClaimNotFoundException;
import io.cpor.claims.domain.ClaimStateException;
import io.cpor.support.web.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/** How the claim endpoints answer what the domain refuses, and a claim id in a path. */
final class ClaimAnswers {

    private ClaimAnswers() {
    }

    /** A claim (or draft) the caller has not is 404; a change its status does not allow is 409, coded. */
    static <T> Mono<T> mapped(Mono<T> result) {
        return result
                .onErrorMap(ClaimNotFoundException.class, e -> ProblemException.notFound("claim-not-found",
                        e.getMessage()))
                .onErrorMap(ClaimStateException.class, e -> ProblemException.conflict(e.code(), e.getMessage()));
    }

    /** A path's claim id; one that is not a UUID names no claim (404). */
    static UUID claimId(String text) {
        try {
            return UUID.fromString(text);
        }
        catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "claim-not-found", "No claim " + text);
        }
    }
}
