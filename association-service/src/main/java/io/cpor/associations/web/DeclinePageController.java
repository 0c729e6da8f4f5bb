package io.cpor.associations.web;

import io.cpor.associations.domain.AssociationRequest;
import io.cpor.associations.domain.AssociationStatus;
import io.cpor.associations.domain.Associations;
import io.cpor.associations.domain.NotOpenException;
import io.cpor.schemas.catalog.SolutionCatalog;
import io.cpor.support.calendar.BusinessCalendar;
import io.cpor.support.i18n.CustomerLanguage;
import io.cpor.support.partners.PartnerDirectory;
import io.cpor.support.partners.RegisteredPartner;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The page a customer reaches from the association request mail. GET only shows it (mail scanners fetch links);
 * the page's POST declines before the deadline or ends an active association, and shows the outcome, the same again
 * for a second POST. A link that is not ours is a 404 page; one for a request that is over is a 410 page.
 */
@Controller
class DeclinePageController {

    private final Associations associations;
    private final PartnerDirectory partners;
    private final SolutionCatalog catalog;
    private final BusinessCalendar calendar;
    private final MessageSource messages;
    private final Clock clock;
    private final MeterRegistry meters;

    DeclinePageController(Associations associations, PartnerDirectory partners, SolutionCatalog catalog,
            BusinessCalendar calendar, MessageSource messages, Clock clock, MeterRegistry meters) {
        this.associations = associations;
        this.partners = partners;
        this.catalog = catalog;
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
        this.meters = meters;
    }

    @GetMapping("/decline/{token}")
    Mono<Rendering> show(@PathVariable String token, ServerWebExchange exchange) {
        return associations.forLink(token)
                .flatMap(request -> page(request, token, exchange))
                .switchIfEmpty(Mono.fromSupplier(() -> notFound(exchange)));
    }

    @PostMapping("/decline/{token}")
    Mono<Rendering> confirm(@PathVariable String token, ServerWebExchange exchange) {
        Instant clickAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return associations.decline(token, clickAt)
                .doOnNext(request -> meters.counter("cpor.associations.customer.answers", "outcome",
                        request.status().name()).increment())
                .flatMap(request -> outcome(request, HttpStatus.OK))
                .onErrorResume(NotOpenException.class, closed -> associations.forLink(token)
                        .flatMap(request -> gone(request)))
                .switchIfEmpty(Mono.fromSupplier(() -> notFound(exchange)));
    }

    private Mono<Rendering> page(AssociationRequest request, String token, ServerWebExchange exchange) {
        AssociationStatus status = request.status();
        if (status == AssociationStatus.DECLINED || status == AssociationStatus.REMOVED) {
            return outcome(request, HttpStatus.OK);
        }
        if (!status.holdsWorkloads() || request.linkExpired(clock.instant())) {
            return gone(request);
        }
        Mono<CsrfToken> csrf = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return csrf.zipWith(registeredName(request)).map(found -> view("decline", request, HttpStatus.OK,
                        found.getT2())
                .modelAttribute("token", token)
                .modelAttribute("csrfParameter", found.getT1().getParameterName())
                .modelAttribute("csrfToken", found.getT1().getToken())
                .build());
    }

    private Mono<Rendering> outcome(AssociationRequest request, HttpStatus status) {
        return registeredName(request).map(name -> view("outcome", request, status, name).build());
    }

    private Mono<Rendering> gone(AssociationRequest request) {
        return registeredName(request).map(name -> view("gone", request, HttpStatus.GONE, name).build());
    }

    /**
     * The partner's name as Partner Center registered it, never as its claim typed it; if the directory cannot be
     * asked now, the page names the partner by its PartnerID alone.
     */
    private Mono<String> registeredName(AssociationRequest request) {
        String partnerId = request.state().claim().partnerId();
        return partners.partner(partnerId).map(found -> found.map(RegisteredPartner::name).orElse("Partner"))
                .onErrorReturn("Partner");
    }

    private Rendering notFound(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return Rendering.view("not-found").status(HttpStatus.NOT_FOUND)
                .modelAttribute("t", new PageText(messages, CustomerLanguage.of(locale == null ? "en"
                        : locale.toLanguageTag())))
                .header("Cache-Control", "no-store").build();
    }

    private Rendering.Builder<?> view(String name, AssociationRequest request, HttpStatus status,
            String partnerName) {
        AssociationRequest.State s = request.state();
        Locale locale = CustomerLanguage.of(s.claim().locale());
        return Rendering.view(name).status(status)
                .header("Cache-Control", "no-store")
                .header("X-Robots-Tag", "noindex")
                .model(Map.of(
                        "t", new PageText(messages, locale),
                        "status", request.status().name(),
                        "partnerName", partnerName,
                        "partnerId", s.claim().partnerId(),
                        "tenantId", s.claim().tenantId().toString(),
                        "domain", s.claim().domain(),
                        "program", program(request),
                        "workloads", request.reservedWorkloads().stream().map(code -> catalog.workload(code)
                                .map(SolutionCatalog.Workload::name).orElse(code)).toList()))
                .modelAttribute("declineBy", when(s.declineBy(), locale))
                .modelAttribute("activatedAt", when(s.activatedAt(), locale))
                .modelAttribute("declinedAt", when(s.declinedAt(), locale))
                .modelAttribute("removedAt", when(s.removedAt(), locale))
                .modelAttribute("activationReversed", s.activationReversed());
    }

    private String program(AssociationRequest request) {
        var claim = request.state().claim();
        return catalog.solutionArea(claim.solutionArea()).flatMap(area -> area.program(claim.program()))
                .map(SolutionCatalog.Program::name).orElse(claim.program());
    }

    private String when(Instant instant, Locale locale) {
        return instant == null ? "" : CustomerLanguage.dateTime(instant, locale, calendar.zone());
    }
}
