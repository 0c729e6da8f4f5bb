package io.cpor.support.web;

import io.cpor.support.security.PartnerTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * At most {@code limit} writes (POST, PUT, PATCH, DELETE under {@code /api/}) per partner in any {@code period}, per
 * instance: a burst beyond it is answered 429 with a {@code Retry-After} (seconds) and a problem body, and changes
 * nothing. The partner is the one the token names; a request without a partner token is not counted here (the
 * security chain refuses it). Runs after the security chain, which has authenticated the caller by then.
 */
public class PartnerWriteLimit implements WebFilter {

    private static final int PARTNERS_REMEMBERED = 10_000;

    private final int limit;
    private final Duration period;
    private final Clock clock;
    private final Map<String, Window> windows = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > PARTNERS_REMEMBERED;
        }
    };

    public PartnerWriteLimit(int limit, Duration period, Clock clock) {
        this.limit = limit;
        this.period = period;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || !exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .mapNotNull(principal -> ((JwtAuthenticationToken) principal).getToken()
                        .getClaimAsString(PartnerTokens.PARTNER_ID_CLAIM))
                .filter(partnerId -> !partnerId.isBlank())
                .map(partnerId -> retryAfter(partnerId, clock.instant()))
                .defaultIfEmpty(Duration.ZERO)
                .flatMap(wait -> wait.isZero() ? chain.filter(exchange) : refuse(exchange, wait));
    }

    /** Zero if the partner may write now (the write is counted), else how long until it may. */
    private synchronized Duration retryAfter(String partnerId, Instant now) {
        Window window = windows.get(partnerId);
        if (window == null || !now.isBefore(window.start().plus(period))) {
            windows.put(partnerId, new Window(now, 1));
            return Duration.ZERO;
        }
        if (window.count() < limit) {
            windows.put(partnerId, new Window(window.start(), window.count() + 1));
            return Duration.ZERO;
        }
        return Duration.between(now, window.start().plus(period));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set("Retry-After", Long.toString(seconds));
        String body = "{\"type\":\"" + Problems.BASE + "too-many-requests\",\"title\":\"Too many requests\","
                + "\"status\":429,\"detail\":\"At most " + limit + " changes per partner in " + period
                + " are accepted; try again in " + seconds + " s\"}";
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    /** A fixed window: when it began and how many writes it has counted. */
    private record Window(Instant start, int count) {
    }
}
