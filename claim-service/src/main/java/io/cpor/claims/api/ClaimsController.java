package io.cpor.claims.api;

import io.cpor.claims.domain.Claim;
import io.cpor.claims.domain.ClaimNotFoundException;
import io.cpor.claims.domain.ClaimStateException;
import io.cpor.claims.domain.ClaimStatus;
import io.cpor.claims.domain.ClaimStore;
import io.cpor.claims.domain.Claims;
import io.cpor.claims.domain.Drafts;
import io.cpor.claims.domain.Idempotency;
import io.cpor.claims.domain.IdempotencyConflictException;
import io.cpor.support.security.PartnerTokens;
import io.cpor.support.web.FieldViolation;
import io.cpor.support.web.InvalidRequestException;
import io.cpor.support.web.Csv;
import io.cpor.support.web.KeysetCursor;
import io.cpor.support.web.ListOrder;
import io.cpor.support.web.ListSearch;
import io.cpor.support.web.PageLimit;
import io.cpor.support.web.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The partner API: submit, read, list and export, answer an information request, withdraw. */
@RestController
@RequestMapping(path = "/api/v1/claims", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Claims", description = "Customer association claims of the calling partner")
@SecurityRequirement(name = "bearer")
class ClaimsController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_PAGE = 100;
    private static final List<String> SORT_FIELDS = List.of("submittedAt", "status", "name");
    private static final ListOrder NEWEST_FIRST = new ListOrder("submittedAt", false);

    private final Claims claims;
    private final Drafts drafts;
    private final DraftContents draftContents;
    private final ClaimRequestValidator validator;
    private final RequestFingerprints fingerprints;
    private final Counter accepted;
    private final Counter refusedInputs;

    ClaimsController(Claims claims, Drafts drafts, DraftContents draftContents, ClaimRequestValidator validator,
            RequestFingerprints fingerprints, MeterRegistry meters) {
        this.claims = claims;
        this.drafts = drafts;
        this.draftContents = draftContents;
        this.validator = validator;
        this.fingerprints = fingerprints;
        this.accepted = Counter.builder("cpor.claims.accepted").description("Claims stored").register(meters);
        this.refusedInputs = Counter.builder("cpor.claims.input.refused")
                .description("Requests refused for invalid input").register(meters);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "submit",
            summary = "Submit a claim", description = "Stores the claim and its ClaimSubmitted event, then "
            + "answers 202; with draft=true stores a draft instead (201). With an Idempotency-Key, a retry with the "
            + "same body gets the first answer; the same key with another body is refused (422).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "Modern Work claim", value = ApiExamples.CLAIM))))
    @ApiResponse(responseCode = "202", description = "Stored; Location names the claim",
            content = @Content(schema = @Schema(implementation = ClaimAccepted.class)))
    @ApiResponse(responseCode = "201", description = "With draft=true: the draft stored (nothing checked but the "
            + "format of what is there); Location names it",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @ApiResponse(responseCode = "400", description = "Invalid body: every offending field in errors",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = ApiExamples.INVALID)))
    @ApiResponse(responseCode = "403", description = "partnerId is not the token's partner_id",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "Body over 64 KiB",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ResponseEntity<Object>> submit(@AuthenticationPrincipal Jwt token,
            @Parameter(description = "Makes retries safe: 1-200 printable characters, e.g. a UUID")
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Parameter(description = "true: store the claim as a draft, to edit and submit later (201)")
            @RequestParam(required = false, defaultValue = "false") boolean draft,
            @RequestBody ClaimRequest request) {
        String partnerId = PartnerTokens.partnerId(token);
        if (draft) {
            return drafts.create(partnerId, draftContents.checked(request, partnerId)).map(stored -> ResponseEntity
                    .created(URI.create("/api/v1/claims/drafts/" + stored.id()))
                    .body(draftContents.view(stored)));
        }
        List<FieldViolation> violations = validator.validate(request);
        if (idempotencyKey != null && !validKey(idempotencyKey)) {
            violations = new java.util.ArrayList<>(violations);
            violations.add(new FieldViolation(IDEMPOTENCY_KEY, "must be 1 to 200 printable characters"));
        }
        if (!violations.isEmpty()) {
            refusedInputs.increment();
            throw new InvalidRequestException(violations);
        }
        if (!request.partnerId().equals(partnerId)) {
            throw ProblemException.forbidden("partner-mismatch", "partnerId " + request.partnerId()
                    + " is not the PartnerID of the token");
        }
        Idempotency idempotency = idempotencyKey == null ? null
                : Idempotency.of(partnerId, idempotencyKey, fingerprints.of(request));
        return claims.submit(ClaimRequests.details(request), UUID.randomUUID(), idempotency)
                .doOnNext(claim -> accepted.increment())
                .map(claim -> ResponseEntity.accepted()
                        .location(URI.create("/api/v1/claims/" + claim.id()))
                        .<Object>body(new ClaimAccepted(claim.id().toString(), ClaimStatus.SUBMITTED.name(),
                                claim.state().submittedAt())))
                .onErrorMap(IdempotencyConflictException.class, conflict -> ProblemException.unprocessable(
                        "idempotency-key-reused", conflict.getMessage()));
    }

    @GetMapping("/{claimId}")
    @Operation(operationId = "get",
            summary = "Read a claim", description = "The claim, its status, each workload's association state, "
            + "the decline deadline once known, rejection reasons or the open information request, and its "
            + "timeline. Another partner's claim is not found.")
    @ApiResponse(responseCode = "200", description = "The claim")
    @ApiResponse(responseCode = "404", description = "No such claim of yours",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ClaimView> get(@AuthenticationPrincipal Jwt token, @PathVariable String claimId) {
        return ClaimAnswers.mapped(claims.get(PartnerTokens.partnerId(token), ClaimAnswers.claimId(claimId))
                .map(this::view));
    }

    @GetMapping
    @Operation(operationId = "list",
            summary = "List your claims", description = "Newest first unless sort says otherwise, at most limit "
            + "per page (1-100, default 20); pass nextCursor back as cursor, with the same sort, for the next page. "
            + "Ask for text/csv to export every matching claim instead.")
    Mono<ClaimPage> list(@AuthenticationPrincipal Jwt token,
            @Parameter(description = "Only claims in this status") @RequestParam(required = false) String status,
            @Parameter(description = "Only claims for this tenant") @RequestParam(required = false) String tenantId,
            @Parameter(description = "Part of the claim's name, tenant id or domain, or claim id; any case")
            @RequestParam(required = false) String q,
            @Parameter(description = "submittedAt, status or name, optionally followed by ,asc or ,desc "
                    + "(default submittedAt,desc)") @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false, defaultValue = "20") String limit) {
        String partnerId = PartnerTokens.partnerId(token);
        int size = PageLimit.parse(limit, MAX_PAGE);
        ListOrder order = ListOrder.parse(sort, SORT_FIELDS, NEWEST_FIRST);
        ClaimStore.Order storeOrder = storeOrder(order);
        KeysetCursor after = cursor == null || cursor.isBlank() ? null : KeysetCursor.decode(cursor, order);
        ClaimStore.ClaimQuery query = new ClaimStore.ClaimQuery(status(status), tenant(tenantId), ListSearch.term(q),
                storeOrder, after == null ? null : new ClaimStore.Position(after.value(), after.id()), size + 1);
        return claims.list(partnerId, query).collectList().map(found -> {
            List<Claim> page = found.size() > size ? found.subList(0, size) : found;
            Claim last = page.isEmpty() ? null : page.get(page.size() - 1);
            String next = found.size() > size ? new KeysetCursor(order, storeOrder.field().valueOf(last), last.id())
                    .encode() : null;
            return new ClaimPage(page.stream().map(this::view).toList(), next);
        });
    }

    @GetMapping(produces = "text/csv")
    @Operation(operationId = "list",
            summary = "Export your claims as CSV", description = "Every claim matching the filters, in the "
            + "order asked for, without the page limit, streamed: one header line, then one line per claim (RFC "
            + "4180; a cell a spreadsheet would read as a formula starts with an apostrophe).")
    @ApiResponse(responseCode = "200", description = "A page of your claims; with Accept: text/csv, every match, "
            + "one per line",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    Flux<String> export(@AuthenticationPrincipal Jwt token,
            @RequestParam(required = false) String status, @RequestParam(required = false) String tenantId,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort) {
        String partnerId = PartnerTokens.partnerId(token);
        ClaimStore.ClaimQuery query = new ClaimStore.ClaimQuery(status(status), tenant(tenantId), ListSearch.term(q),
                storeOrder(ListOrder.parse(sort, SORT_FIELDS, NEWEST_FIRST)), null, 0);
        return Flux.just(Csv.row(ClaimRows.HEADER)).concatWith(claims.list(partnerId, query).map(ClaimRows::row));
    }

    @PostMapping(path = "/{claimId}/information", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Answer an information request", description = "Only while the claim is "
            + "INFORMATION_REQUESTED; the claim goes back to review.")
    @ApiResponse(responseCode = "200", description = "Answer stored; the claim is IN_REVIEW")
    @ApiResponse(responseCode = "409", description = "The claim is not waiting for information",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ClaimView> provideInformation(@AuthenticationPrincipal Jwt token, @PathVariable String claimId,
            @RequestBody InformationRequestBody body) {
        String partnerId = PartnerTokens.partnerId(token);
        UUID id = ClaimAnswers.claimId(claimId);
        refuseInvalid(validator.validate(body));
        return ClaimAnswers.mapped(claims.provideInformation(partnerId, id, body.message(),
                ClaimRequests.documents(body.documents()), UUID.randomUUID())
                .map(this::view));
    }

    @PostMapping("/{claimId}/withdraw")
    @Operation(summary = "Withdraw a claim", description = "Until its associations are active.")
    @ApiResponse(responseCode = "200", description = "Withdrawn")
    @ApiResponse(responseCode = "409", description = "Too late: the claim is over or associated",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ClaimView> withdraw(@AuthenticationPrincipal Jwt token, @PathVariable String claimId,
            @RequestBody(required = false) WithdrawRequest body) {
        String partnerId = PartnerTokens.partnerId(token);
        UUID id = ClaimAnswers.claimId(claimId);
        refuseInvalid(validator.validate(body));
        return ClaimAnswers.mapped(claims.withdraw(partnerId, id, body == null ? null : body.reason(),
                UUID.randomUUID())
                .map(this::view));
    }

    @PostMapping(path = "/{claimId}/dispute", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "dispute", summary = "Dispute a rejection", description = "Once per claim, within "
            + "30 days of the rejection (disputableUntil): the claim is DISPUTED and goes back to review with your "
            + "justification; approval continues as any approval does, a second rejection is final "
            + "(REJECTED_FINAL). A rejection by the automated checks may be disputed too.")
    @ApiResponse(responseCode = "200", description = "Disputed; the claim is DISPUTED")
    @ApiResponse(responseCode = "400", description = "Invalid body: every offending field in errors",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such claim of yours",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "Not rejected (claim-state-conflict), disputed before "
            + "(dispute-already-raised) or too late (dispute-window-closed)",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ClaimView> dispute(@AuthenticationPrincipal Jwt token, @PathVariable String claimId,
            @RequestBody DisputeRequest body) {
        String partnerId = PartnerTokens.partnerId(token);
        UUID id = ClaimAnswers.claimId(claimId);
        refuseInvalid(validator.validate(body));
        return ClaimAnswers.mapped(claims.dispute(partnerId, id, body.justification().strip(),
                ClaimRequests.documents(body.documents()), UUID.randomUUID()).map(this::view));
    }

    private ClaimView view(Claim claim) {
        return ClaimView.of(claim, claims.disputeWindow());
    }

    private void refuseInvalid(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            refusedInputs.increment();
            throw new InvalidRequestException(violations);
        }
    }


    private static boolean validKey(String key) {
        return !key.isEmpty() && key.length() <= 200 && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    private static ClaimStore.Order storeOrder(ListOrder order) {
        ClaimStore.SortField field = switch (order.field()) {
            case "status" -> ClaimStore.SortField.STATUS;
            case "name" -> ClaimStore.SortField.NAME;
            default -> ClaimStore.SortField.SUBMITTED_AT;
        };
        return new ClaimStore.Order(field, order.ascending());
    }

    private static ClaimStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ClaimStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "must be one of " + java.util.Arrays.toString(
                    ClaimStatus.values()));
        }
    }

    private static UUID tenant(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(tenantId);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidRequestException("tenantId", "must be a GUID");
        }
    }
}
