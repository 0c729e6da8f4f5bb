package io.cpor.validation.api;

import io.cpor.support.web.FieldViolation;
import io.cpor.support.web.InvalidRequestException;
import io.cpor.support.web.PageCursor;
import io.cpor.support.web.PageLimit;
import io.cpor.support.web.ProblemException;
import io.cpor.validation.domain.Decision;
import io.cpor.validation.domain.NotInReviewException;
import io.cpor.validation.domain.Review;
import io.cpor.validation.domain.ReviewDeadline;
import io.cpor.validation.domain.ReviewNotFoundException;
import io.cpor.validation.domain.ReviewStatus;
import io.cpor.validation.domain.Reviews;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The review queue and decisions, for validators. */
@RestController
@RequestMapping(path = "/api/v1/reviews", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reviews", description = "Claims awaiting a validator, and decisions")
@SecurityRequirement(name = "bearer")
class ReviewsController {

    private static final int MAX_PAGE = 100;

    private final Reviews reviews;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ReviewDeadline deadline;

    ReviewsController(Reviews reviews, Clock clock, MeterRegistry meters, ReviewDeadline deadline) {
        this.reviews = reviews;
        this.clock = clock;
        this.meters = meters;
        this.deadline = deadline;
    }

    private ReviewView view(Review review) {
        return ReviewView.of(review, deadline);
    }

    @GetMapping
    @Operation(summary = "The review queue", description = "Reviews in a state (default PENDING: awaiting a "
            + "decision), oldest first, which is most overdue first (dueAt), at most limit per page (1-100, "
            + "default 20).")
    Mono<ReviewPage> list(
            @Parameter(description = "PENDING, INFORMATION_REQUESTED, APPROVED, REJECTED or WITHDRAWN")
            @RequestParam(required = false, defaultValue = "PENDING") String state,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false, defaultValue = "20") String limit) {
        int size = PageLimit.parse(limit, MAX_PAGE);
        ReviewStatus status = status(state);
        PageCursor after = cursor == null || cursor.isBlank() ? null : PageCursor.decode(cursor);
        return reviews.list(status, after == null ? null : after.at(), after == null ? null : after.id(), size + 1)
                .collectList()
                .map(found -> {
                    List<Review> page = found.size() > size ? found.subList(0, size) : found;
                    Review last = page.isEmpty() ? null : page.get(page.size() - 1);
                    String next = found.size() > size ? new PageCursor(last.state().queuedAt(), last.claimId())
                            .encode() : null;
                    return new ReviewPage(page.stream().map(this::view).toList(), next);
                });
    }

    @GetMapping("/{claimId}")
    @Operation(summary = "A claim's review")
    @ApiResponse(responseCode = "200", description = "The review")
    @ApiResponse(responseCode = "404", description = "No review of this claim",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ReviewView> get(@PathVariable String claimId) {
        return mapped(reviews.get(claimId(claimId)).map(this::view));
    }

    @PostMapping(path = "/{claimId}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Decide on a claim", description = "APPROVE, REJECT (with a reason) or REQUEST_INFORMATION "
            + "(with a message for the partner and one or more coded reasons). Only while the claim awaits a "
            + "decision (409 otherwise). The "
            + "validator is the token's subject.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
                @ExampleObject(name = "approve", value = "{\"decision\":\"APPROVE\"}"),
                @ExampleObject(name = "reject", value = "{\"decision\":\"REJECT\",\"reason\":\"The proof of "
                        + "execution is not signed by the customer\"}"),
                @ExampleObject(name = "ask", value = "{\"decision\":\"REQUEST_INFORMATION\",\"message\":\"Please "
                        + "attach the signed statement of work\",\"reasons\":[\"MISSING_PROOF_OF_EXECUTION\"]}")})))
    @ApiResponse(responseCode = "200", description = "Decided")
    @ApiResponse(responseCode = "409", description = "The claim is not awaiting a decision",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ReviewView> decide(@AuthenticationPrincipal Jwt token, @PathVariable String claimId,
            @RequestBody DecisionRequest request) {
        UUID id = claimId(claimId);
        Decision decision = decision(request, validator(token));
        return mapped(reviews.decide(id, decision, true)
                .doOnNext(outcome -> meters.counter("cpor.validation.decisions", "kind", decision.kind().name(),
                        "channel", "rest").increment())
                .map(outcome -> view(outcome.review())));
    }

    private Decision decision(DecisionRequest request, String validator) {
        if (request == null) {
            throw new InvalidRequestException("(body)", "a decision is required");
        }
        List<FieldViolation> violations = new ArrayList<>();
        Decision.Kind kind = null;
        if (request.decision() == null || request.decision().isBlank()) {
            violations.add(new FieldViolation("decision", "is required"));
        }
        else {
            try {
                kind = Decision.Kind.valueOf(request.decision().trim().toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("decision", "must be one of "
                        + Arrays.toString(Decision.Kind.values())));
            }
        }
        if (kind == Decision.Kind.REJECT && blank(request.reason())) {
            violations.add(new FieldViolation("reason", "is required to reject"));
        }
        if (kind == Decision.Kind.REQUEST_INFORMATION && blank(request.message())) {
            violations.add(new FieldViolation("message", "is required to request information"));
        }
        List<String> reasons = request.reasons() == null ? List.of() : request.reasons();
        if (kind == Decision.Kind.REQUEST_INFORMATION && reasons.isEmpty()) {
            violations.add(new FieldViolation("reasons", "one or more of " + Decision.INFORMATION_REASONS
                    + " is required to request information"));
        }
        if (kind != null && kind != Decision.Kind.REQUEST_INFORMATION && !reasons.isEmpty()) {
            violations.add(new FieldViolation("reasons", "only for REQUEST_INFORMATION"));
        }
        for (int i = 0; i < reasons.size(); i++) {
            if (!Decision.INFORMATION_REASONS.contains(reasons.get(i))) {
                violations.add(new FieldViolation("reasons[" + i + "]", "must be one of "
                        + Decision.INFORMATION_REASONS));
            }
        }
        check("reason", request.reason(), 2000, violations);
        check("message", request.message(), 4000, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new Decision(UUID.randomUUID(), kind, request.reason(), request.message(),
                reasons.stream().distinct().toList(), validator, null, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    private static void check(String field, String value, int max, List<FieldViolation> violations) {
        if (value != null && value.length() > max) {
            violations.add(new FieldViolation(field, "at most " + max + " characters"));
        }
    }

    /** The validator's identity: a person's name or email when the token has one, else its subject. */
    private static String validator(Jwt token) {
        for (String claim : List.of("preferred_username", "email", "upn")) {
            String value = token.getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return token.getSubject();
    }

    private static <T> Mono<T> mapped(Mono<T> result) {
        return result
                .onErrorMap(ReviewNotFoundException.class, e -> ProblemException.notFound("review-not-found",
                        e.getMessage()))
                .onErrorMap(NotInReviewException.class, e -> ProblemException.conflict("not-in-review",
                        e.getMessage()));
    }

    private static UUID claimId(String text) {
        try {
            return UUID.fromString(text);
        }
        catch (IllegalArgumentException e) {
            throw ProblemException.notFound("review-not-found", "No review of claim " + text);
        }
    }

    private static ReviewStatus status(String state) {
        String name = state.trim().toUpperCase(Locale.ROOT);
        if (name.equals("PENDING")) {
            return ReviewStatus.IN_REVIEW;
        }
        try {
            ReviewStatus status = ReviewStatus.valueOf(name);
            if (status != ReviewStatus.IN_REVIEW) {
                return status;
            }
        }
        catch (IllegalArgumentException e) {
            // refused below
        }
        throw new InvalidRequestException("state", "must be one of PENDING, INFORMATION_REQUESTED, APPROVED, "
                + "REJECTED, WITHDRAWN");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
