package io.cpor.portal.web;

import io.cpor.portal.client.Api;
import io.cpor.portal.client.ApiProblem;
import io.cpor.portal.client.Apis;
import io.cpor.portal.security.Person;
import io.cpor.schemas.catalog.SolutionCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A partner's pages: the claims list, a claim, the form that creates one, answering a validator's question,
 * withdrawing, and the associations. A viewer is shown no control that changes anything, and a change they force is
 * refused here before the API would refuse it too.
 */
@Controller
class ClaimPages {

    /** The claim statuses, in the order of the lifecycle (the claims API's enum). */
    static final List<String> STATUSES = List.of("SUBMITTED", "IN_REVIEW", "INFORMATION_REQUESTED", "DISPUTED",
            "REJECTED", "APPROVED", "CONTESTED", "AWAITING_CUSTOMER", "ASSOCIATED", "DECLINED_BY_CUSTOMER",
            "REMOVED_BY_CUSTOMER", "WITHDRAWN", "REJECTED_FINAL");
    static final List<String> WITHDRAWABLE = List.of("SUBMITTED", "IN_REVIEW", "INFORMATION_REQUESTED", "DISPUTED",
            "APPROVED", "CONTESTED", "AWAITING_CUSTOMER");
    static final List<String> SORTS = List.of("submittedAt,desc", "submittedAt,asc", "name,asc", "name,desc",
            "status,asc");
    static final List<String> LOCALES = List.of("en", "pt-BR", "es", "fr", "de", "ja");
    private static final int PAGE_SIZE = 20;

    private final Apis apis;
    private final SolutionCatalog catalog;

    ClaimPages(Apis apis, SolutionCatalog catalog) {
        this.apis = apis;
        this.catalog = catalog;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal OidcUser user) {
        Person person = Person.of(user);
        return person.isValidator() && !person.canReadClaims() ? "redirect:/reviews" : "redirect:/claims";
    }

    @GetMapping("/claims")
    Mono<String> claims(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String status,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor, Model model) {
        reader(user);
        String order = oneOf(SORTS, sort) ? sort : SORTS.get(0);
        String only = oneOf(STATUSES, status) ? status : null;
        String search = q == null || q.isBlank() ? null : q.strip();
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("sorts", SORTS);
        model.addAttribute("status", only);
        model.addAttribute("q", search);
        model.addAttribute("sort", order);
        model.addAttribute("firstPage", cursor != null);
        Map<String, Object> paging = new LinkedHashMap<>();
        paging.put("sort", order);
        paging.put("limit", PAGE_SIZE);
        paging.put("cursor", cursor);
        return apis.get(Api.CLAIMS, uri -> filtered(uri.path("/api/v1/claims"), only, search, paging))
                .map(page -> {
                    model.addAttribute("page", page);
                    return "claims";
                });
    }

    /** The claims the list shows (its filters, every page), as the claims API exports them. */
    @GetMapping("/claims/export")
    ResponseEntity<Flux<DataBuffer>> export(@AuthenticationPrincipal OidcUser user,
            @RequestParam(required = false) String status, @RequestParam(required = false) String q) {
        reader(user);
        String only = oneOf(STATUSES, status) ? status : null;
        String search = q == null || q.isBlank() ? null : q.strip();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"claims.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(apis.csv(Api.CLAIMS, uri -> filtered(uri.path("/api/v1/claims"), only, search, Map.of())));
    }

    /** The list's filters as query parameters; their values are URI variables, so whatever was typed is encoded. */
    private static java.net.URI filtered(UriBuilder uri, String status, String q, Map<String, Object> more) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (status != null) {
            uri.queryParam("status", "{status}");
            values.put("status", status);
        }
        if (q != null) {
            uri.queryParam("q", "{q}");
            values.put("q", q);
        }
        more.forEach((name, value) -> {
            if (value != null) {
                uri.queryParam(name, "{" + name + "}");
                values.put(name, value);
            }
        });
        return uri.build(values);
    }

    @GetMapping("/claims/new")
    String newClaim(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String solutionArea,
            Model model) {
        writer(user);
        if (solutionArea == null || !catalog.isSolutionArea(solutionArea)) {
            model.addAttribute("catalog", catalog);
            return "claim-area";
        }
        return form(model, ClaimForm.empty(solutionArea, UUID.randomUUID().toString()), Map.of(), null);
    }

    @PostMapping("/claims")
    Mono<String> create(@AuthenticationPrincipal OidcUser user, ServerWebExchange exchange, Model model) {
        Person person = writer(user);
        return exchange.getFormData().flatMap(data -> {
            ClaimForm typed = ClaimForm.read(data);
            if (!catalog.isSolutionArea(typed.value("solutionArea"))) {
                return Mono.just("redirect:/claims/new");
            }
            String key = typed.idempotencyKey() == null || typed.idempotencyKey().isBlank()
                    ? UUID.randomUUID().toString() : typed.idempotencyKey();
            return apis.post(Api.CLAIMS, "/api/v1/claims", typed.body(person.partnerId()), "Idempotency-Key", key)
                    .map(accepted -> "redirect:/claims/" + accepted.get("claimId") + "?created")
                    .onErrorResume(ApiProblem.class, refused -> refused.status() == 401 || refused.status() >= 500
                            ? Mono.error(refused)
                            : Mono.just(form(model, typed.withKey(UUID.randomUUID().toString()),
                                    fieldErrors(refused), refused)));
        });
    }

    private String form(Model model, ClaimForm form, Map<String, String> errors, ApiProblem refused) {
        SolutionCatalog.SolutionArea area = catalog.solutionArea(form.value("solutionArea")).orElseThrow();
        List<String> roles = area.programs().stream().flatMap(program -> program.partnerRoles().stream())
                .distinct().toList();
        model.addAttribute("area", area);
        model.addAttribute("roles", catalog.partnerRoles().stream().filter(role -> roles.contains(role.code()))
                .toList());
        model.addAttribute("locales", LOCALES);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("refused", refused);
        model.addAttribute("labels", ClaimForm.LABELS);
        model.addAttribute("sections", ClaimForm.SECTIONS);
        return "claim-form";
    }

    /** Each offending field's first message, by form field; what names no field of the form stays in the summary. */
    static Map<String, String> fieldErrors(ApiProblem refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        refused.errors().forEach(error -> errors.putIfAbsent(error.formField(), error.message()));
        return errors;
    }

    @GetMapping("/claims/{claimId}")
    Mono<String> claim(@AuthenticationPrincipal OidcUser user, @PathVariable UUID claimId,
            ServerWebExchange exchange, Model model) {
        reader(user);
        model.addAttribute("notice", notice(exchange, "created", "answered", "withdrawn"));
        return claimPage(claimId, model, Map.of(), null, null);
    }

    private Mono<String> claimPage(UUID claimId, Model model, Map<String, String> errors, ApiProblem refused,
            String answer) {
        return apis.get(Api.CLAIMS, uri -> uri.path("/api/v1/claims/{id}").build(claimId)).map(claim -> {
            model.addAttribute("claim", claim);
            model.addAttribute("withdrawable", oneOf(WITHDRAWABLE, String.valueOf(claim.get("status"))));
            model.addAttribute("answerable", "INFORMATION_REQUESTED".equals(claim.get("status")));
            model.addAttribute("errors", errors);
            model.addAttribute("refused", refused);
            model.addAttribute("answer", answer == null ? "" : answer);
            return "claim";
        });
    }

    @PostMapping("/claims/{claimId}/information")
    Mono<String> answer(@AuthenticationPrincipal OidcUser user, @PathVariable UUID claimId,
            ServerWebExchange exchange, Model model) {
        writer(user);
        return exchange.getFormData().flatMap(data -> {
            String message = text(data, "message");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("message", message);
            return apis.post(Api.CLAIMS, "/api/v1/claims/" + claimId + "/information", body)
                    .map(answered -> "redirect:/claims/" + claimId + "?answered")
                    .onErrorResume(ApiProblem.class, refused -> refused.status() == 401 || refused.status() >= 500
                            ? Mono.error(refused) : claimPage(claimId, model, fieldErrors(refused), refused, message));
        });
    }

    @PostMapping("/claims/{claimId}/withdraw")
    Mono<String> withdraw(@AuthenticationPrincipal OidcUser user, @PathVariable UUID claimId,
            ServerWebExchange exchange, Model model) {
        writer(user);
        return exchange.getFormData().flatMap(data -> {
            Map<String, Object> body = new LinkedHashMap<>();
            String reason = text(data, "reason");
            if (!reason.isEmpty()) {
                body.put("reason", reason);
            }
            return apis.post(Api.CLAIMS, "/api/v1/claims/" + claimId + "/withdraw", body)
                    .map(withdrawn -> "redirect:/claims/" + claimId + "?withdrawn")
                    .onErrorResume(ApiProblem.class, refused -> refused.status() == 401 || refused.status() >= 500
                            ? Mono.error(refused) : claimPage(claimId, model, Map.of(), refused, null));
        });
    }

    @GetMapping("/associations")
    Mono<String> associations(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String cursor,
            Model model) {
        reader(user);
        model.addAttribute("firstPage", cursor != null);
        return apis.get(Api.ASSOCIATIONS, uri -> uri.path("/api/v1/associations").queryParam("limit", PAGE_SIZE)
                        .queryParamIfPresent("cursor", java.util.Optional.ofNullable(cursor)).build())
                .map(page -> {
                    model.addAttribute("page", page);
                    return "associations";
                });
    }

    /** Which of these notices the page was asked to show (the redirect after a change names it). */
    static String notice(ServerWebExchange exchange, String... notices) {
        for (String notice : notices) {
            if (exchange.getRequest().getQueryParams().containsKey(notice)) {
                return notice;
            }
        }
        return null;
    }

    /** Whether a value a person sent is one of these (the lists refuse to be asked about null). */
    static boolean oneOf(List<String> values, String value) {
        return value != null && values.contains(value);
    }

    static String text(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null ? "" : value.strip();
    }

    private static Person reader(OidcUser user) {
        Person person = Person.of(user);
        if (!person.canReadClaims()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only a partner's people read its claims");
        }
        return person;
    }

    private static Person writer(OidcUser user) {
        Person person = Person.of(user);
        if (!person.canChangeClaims()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Your role reads claims; it changes none");
        }
        return person;
    }
}
