package io.cpor.portal.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The page language: English or Brazilian Portuguese, as the person chose it (a cookie, set by {@code ?lang=}), else
 * as their browser asks for it, else English.
 */
@Component("localeContextResolver")
class LanguageChoice implements LocaleContextResolver {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("pt-BR"));
    static final String COOKIE = "cpor_portal_lang";

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        String asked = exchange.getRequest().getQueryParams().getFirst("lang");
        if (asked != null && supported(asked) != null) {
            Locale chosen = supported(asked);
            exchange.getResponse().addCookie(ResponseCookie.from(COOKIE, chosen.toLanguageTag()).path("/")
                    .maxAge(Duration.ofDays(365)).sameSite("Lax").httpOnly(true).build());
            return new SimpleLocaleContext(chosen);
        }
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        if (cookie != null && supported(cookie.getValue()) != null) {
            return new SimpleLocaleContext(supported(cookie.getValue()));
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
        }
        catch (IllegalArgumentException malformed) {
            ranges = List.of();
        }
        Locale best = Locale.lookup(ranges, SUPPORTED);
        if (best == null && ranges.stream().anyMatch(range -> range.getRange().startsWith("pt"))) {
            best = SUPPORTED.get(1);
        }
        return new SimpleLocaleContext(best == null ? Locale.ENGLISH : best);
    }

    private static Locale supported(String tag) {
        return SUPPORTED.stream().filter(locale -> locale.toLanguageTag().equalsIgnoreCase(tag)).findFirst()
                .orElse(null);
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
        throw new UnsupportedOperationException("The language is chosen with ?lang=");
    }
}
