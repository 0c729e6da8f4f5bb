package io.cpor.associations.api;

import io.cpor.associations.domain.AssociationRequest;
import io.cpor.associations.domain.AssociationStatus;
import io.cpor.associations.domain.Associations;
import io.cpor.support.security.PartnerTokens;
import io.cpor.support.web.InvalidRequestException;
import io.cpor.support.web.PageCursor;
import io.cpor.support.web.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A partner's own associations; another partner's never show. */
@RestController
@RequestMapping(path = "/api/v1/associations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Associations", description = "Your associations with customer tenants")
@SecurityRequirement(name = "bearer")
class AssociationsController {

    private static final int MAX_PAGE = 100;
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Associations associations;

    AssociationsController(Associations associations) {
        this.associations = associations;
    }

    @GetMapping
    @Operation(summary = "Your associations", description = "One entry per approved claim: the tenant, each "
            + "workload's outcome, and the customer's answer. Newest first, at most limit per page (1-100, default "
            + "20); filter by tenant and state.")
    Mono<AssociationPage> list(@AuthenticationPrincipal Jwt token,
            @Parameter(description = "A customer tenant id (GUID)") @RequestParam(required = false) String tenantId,
            @Parameter(description = "RESERVED, AWAITING_CUSTOMER, ACTIVE, DECLINED, REMOVED, WITHDRAWN or CONFLICTED")
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false, defaultValue = "20") String limit) {
        String partnerId = PartnerTokens.partnerId(token);
        int size = PageLimit.parse(limit, MAX_PAGE);
        UUID tenant = tenant(tenantId);
        AssociationStatus status = status(state);
        PageCursor before = cursor == null || cursor.isBlank() ? null : PageCursor.decode(cursor);
        return associations.list(partnerId, tenant, status, before == null ? null : before.at(),
                        before == null ? null : before.id(), size + 1)
                .collectList()
                .map(found -> {
                    List<AssociationRequest> page = found.size() > size ? found.subList(0, size) : found;
                    AssociationRequest last = page.isEmpty() ? null : page.get(page.size() - 1);
                    String next = found.size() > size ? new PageCursor(last.state().createdAt(), last.requestId())
                            .encode() : null;
                    return new AssociationPage(page.stream().map(AssociationView::of).toList(), next);
                });
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
