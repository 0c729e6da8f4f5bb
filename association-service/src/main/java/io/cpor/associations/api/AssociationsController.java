package io.cpor.associations.api;

import io.cpor.associations.domain.AssociationRequest;
import io.cpor.associations.domain.AssociationStatus;
import io.cpor.associations.domain.AssociationStore;
import io.cpor.associations.domain.NotOpenException;
import io.cpor.associations.domain.Associations;
import io.cpor.support.security.PartnerTokens;
import io.cpor.support.web.InvalidRequestException;
import io.cpor.support.web.Csv;
import io.cpor.support.web.KeysetCursor;
import io.cpor.support.web.ListOrder;
import io.cpor.support.web.ListSearch;
import io.cpor.support.web.PageLimit;
import io.cpor.support.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A partner's own associations, listed, exported and ended; another partner's never show. */
@RestController
@RequestMapping(path = "/api/v1/associations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Associations", description = "Your associations with customer tenants")
@SecurityRequirement(name = "bearer")
class AssociationsController {

    private static final int MAX_PAGE = 100;
    private static final List<String> SORT_FIELDS = List.of("submittedAt", "status", "name");
    private static final ListOrder NEWEST_FIRST = new ListOrder("submittedAt", false);
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Associations associations;

    AssociationsController(Associations associations) {
        this.associations = associations;
    }

    @GetMapping
    @Operation(operationId = "list",
            summary = "Your associations", description = "One entry per approved claim: the tenant, each "
            + "workload's outcome, and the customer's answer. Newest first unless sort says otherwise, at most limit "
            + "per page (1-100, default 20); filter by tenant, state and search term. Ask for text/csv to export "
            + "every matching association instead.")
    Mono<AssociationPage> list(@AuthenticationPrincipal Jwt token,
            @Parameter(description = "A customer tenant id (GUID)") @RequestParam(required = false) String tenantId,
            @Parameter(description = "RESERVED, AWAITING_CUSTOMER, ACTIVE, DECLINED, REMOVED, WITHDRAWN, "
                    + "DISASSOCIATED or CONFLICTED")
            @RequestParam(required = false) String state,
            @Parameter(description = "Part of the claim's name, tenant id or domain, or claim id; any case")
            @RequestParam(required = false) String q,
            @Parameter(description = "submittedAt (when the request was made), status or name (the claim's), "
                    + "optionally followed by ,asc or ,desc (default submittedAt,desc)")
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false, defaultValue = "20") String limit) {
        String partnerId = PartnerTokens.partnerId(token);
        int size = PageLimit.parse(limit, MAX_PAGE);
        ListOrder order = ListOrder.parse(sort, SORT_FIELDS, NEWEST_FIRST);
        KeysetCursor after = cursor == null || cursor.isBlank() ? null : KeysetCursor.decode(cursor, order);
        AssociationStore.SortField field = field(order);
        AssociationStore.AssociationQuery query = new AssociationStore.AssociationQuery(tenant(tenantId), status(state),
                ListSearch.term(q), field, order.ascending(),
                after == null ? null : new AssociationStore.Position(after.value(), after.id()), size + 1);
        return associations.list(partnerId, query)
                .collectList()
                .map(found -> {
                    List<AssociationRequest> page = found.size() > size ? found.subList(0, size) : found;
                    AssociationRequest last = page.isEmpty() ? null : page.get(page.size() - 1);
                    String next = found.size() > size ? new KeysetCursor(order, field.valueOf(last),
                            last.requestId()).encode() : null;
                    return new AssociationPage(page.stream().map(AssociationView::of).toList(), next);
                });
    }

    @GetMapping(produces = "text/csv")
    @Operation(operationId = "list",
            summary = "Export your associations as CSV", description = "Every association matching the "
            + "filters, in the order asked for, without the page limit, streamed: one header line, then one line "
            + "per association (RFC 4180; a cell a spreadsheet would read as a formula starts with an apostrophe).")
    @ApiResponse(responseCode = "200", description = "A page of your associations; with Accept: text/csv, every "
            + "match, one per line",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    Flux<String> export(@AuthenticationPrincipal Jwt token,
            @RequestParam(required = false) String tenantId, @RequestParam(required = false) String state,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort) {
        ListOrder order = ListOrder.parse(sort, SORT_FIELDS, NEWEST_FIRST);
        AssociationStore.AssociationQuery query = new AssociationStore.AssociationQuery(tenant(tenantId), status(state),
                ListSearch.term(q), field(order), order.ascending(), null, 0);
        return Flux.just(Csv.row(AssociationRows.HEADER))
                .concatWith(associations.list(PartnerTokens.partnerId(token), query).map(AssociationRows::row));
    }

    @PostMapping(path = "/{requestId}/disassociate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "disassociate", summary = "End an association",
            description = "Partner Center's \"Disassociate customer\": for an association waiting on the customer "
                    + "or active. The workloads are released (another partner may claim them), the customer is told "
                    + "by mail, and the claim ends as REJECTED_FINAL with reason PARTNER_REQUEST. Ending it again "
                    + "answers the same.")
    @ApiResponse(responseCode = "200", description = "Ended")
    @ApiResponse(responseCode = "404", description = "No such association of yours",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The association holds nothing any more (declined, removed, "
            + "withdrawn, conflicted)", content = @Content(mediaType = "application/problem+json"))
    Mono<AssociationView> disassociate(@AuthenticationPrincipal Jwt token, @PathVariable String requestId,
            @RequestBody DisassociateRequest body) {
        String reason = body == null || body.reason() == null ? "" : body.reason().trim();
        if (reason.isEmpty() || reason.length() > 1000
                || reason.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new InvalidRequestException("reason", "is required: 1 to 1000 characters, no control characters");
        }
        UUID id = requestId(requestId);
        return associations.disassociate(PartnerTokens.partnerId(token), id, reason)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("association-not-found",
                        "No association " + id)))
                .onErrorMap(NotOpenException.class, e -> ProblemException.conflict("association-state-conflict",
                        e.getMessage()))
                .map(AssociationView::of);
    }

    private static UUID requestId(String text) {
        if (!GUID.matcher(text).matches()) {
            throw ProblemException.notFound("association-not-found", "No association " + text);
        }
        return UUID.fromString(text);
    }

    private static AssociationStore.SortField field(ListOrder order) {
        return switch (order.field()) {
            case "status" -> AssociationStore.SortField.STATUS;
            case "name" -> AssociationStore.SortField.NAME;
            default -> AssociationStore.SortField.REQUESTED_AT;
        };
    }

    private static UUID tenant(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            return null;
        }
        if (!GUID.matcher(tenantId.trim()).matches()) {
            throw new InvalidRequestException("tenantId", "must be a tenant id (a GUID)");
        }
        return UUID.fromString(tenantId.trim());
    }

    private static AssociationStatus status(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return AssociationStatus.valueOf(state.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidRequestException("state", "must be one of " + Arrays.toString(AssociationStatus.values()));
        }
    }
}
