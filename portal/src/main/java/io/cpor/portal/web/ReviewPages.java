package io.cpor.portal.web;

import io.cpor.portal.client.Api;
import io.cpor.portal.client.ApiProblem;
import io.cpor.portal.client.Apis;
import io.cpor.portal.security.Person;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A validator's pages: the review queue (most overdue first, as the reviews API orders it), a review with every
 * automated check, the proof, earlier rounds and answers, and the decision form.
 */
@Controller
class ReviewPages {

    static final List<String> STATES = List.of("PENDING", "INFORMATION_REQUESTED", "APPROVED", "REJECTED",
            "WITHDRAWN");
    /** The coded reasons of an information request, as Partner Center gives them (the reviews API's enum). */
    static final List<String> INFORMATION_REASONS = List.of("MISSING_PROOF_OF_EXECUTION",
            "MISSING_CUSTOMER_ACKNOWLEDGEMENT", "MISSING_OR_OUTDATED_DATES", "MISSING_PARTNER_SOLUTION",
            "MISSING_PRODUCTS");
    static final List<String> DECISIONS = List.of("APPROVE", "REJECT", "REQUEST_INFORMATION");
    static final List<String> ARBITRATION_DECISIONS = List.of("KEEP_HOLDER", "AWARD_TO_CLAIMANT",
            "REQUEST_INFORMATION");
    private static final int PAGE_SIZE = 20;

    private final Apis apis;

    ReviewPages(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/reviews")
    Mono<String> queue(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String state,
            @RequestParam(required = false) String cursor, Model model) {
        validator(user);
        String shown = ClaimPages.oneOf(STATES, state) ? state : STATES.get(0);
        model.addAttribute("states", STATES);
        model.addAttribute("state", shown);
        model.addAttribute("firstPage", cursor != null);
        return apis.get(Api.REVIEWS, uri -> uri.path("/api/v1/reviews").queryParam("state", shown)
                        .queryParam("limit", PAGE_SIZE).queryParamIfPresent("cursor", Optional.ofNullable(cursor))
                        .build())
                .map(page -> {
                    model.addAttribute("page", page);
                    return "reviews";
                });
    }

    @GetMapping("/reviews/{claimId}")
    Mono<String> review(@AuthenticationPrincipal OidcUser user, @PathVariable UUID claimId,
            ServerWebExchange exchange, Model model) {
        validator(user);
        model.addAttribute("notice", ClaimPages.notice(exchange, "decided"));
        return reviewPage(claimId, model, Map.of(), null, Map.of());
    }

    private Mono<String> reviewPage(UUID claimId, Model model, Map<String, String> errors, ApiProblem refused,
            Map<String, Object> typed) {
        return apis.get(Api.REVIEWS, uri -> uri.path("/api/v1/reviews/{id}").build(claimId)).map(review -> {
            model.addAttribute("review", review);
            model.addAttribute("decisions", review.get("arbitration") != null ? ARBITRATION_DECISIONS : DECISIONS);
            model.addAttribute("informationReasons", INFORMATION_REASONS);
            model.addAttribute("open", List.of("PENDING").contains(String.valueOf(review.get("state"))));
            model.addAttribute("errors", errors);
            model.addAttribute("refused", refused);
            model.addAttribute("typed", typed);
            return "review";
        });
    }

    @PostMapping("/reviews/{claimId}/decision")
    Mono<String> decide(@AuthenticationPrincipal OidcUser user, @PathVariable UUID claimId,
            ServerWebExchange exchange, Model model) {
        validator(user);
        return exchange.getFormData().flatMap(data -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("decision", ClaimPages.text(data, "decision"));
            String reason = ClaimPages.text(data, "reason");
            String message = ClaimPages.text(data, "message");
            List<String> reasons = data.getOrDefault("reasons", List.of()).stream()
                    .filter(INFORMATION_REASONS::contains).distinct().toList();
            if (!reason.isEmpty()) {
                body.put("reason", reason);
            }
            if (!message.isEmpty()) {
                body.put("message", message);
            }
            if (!reasons.isEmpty()) {
                body.put("reasons", reasons);
            }
            return apis.post(Api.REVIEWS, "/api/v1/reviews/" + claimId + "/decision", body)
                    .map(decided -> "redirect:/reviews/" + claimId + "?decided")
                    .onErrorResume(ApiProblem.class, refused -> refused.status() == 401 || refused.status() >= 500
                            ? Mono.error(refused)
                            : reviewPage(claimId, model, ClaimPages.fieldErrors(refused), refused,
                                    Map.of("decision", body.get("decision"), "reason", reason, "message", message,
                                            "reasons", reasons)));
        });
    }

    private static Person validator(OidcUser user) {
        Person person = Person.of(user);
        if (!person.isValidator()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only Microsoft's validators review claims");
        }
        return person;
    }
}
