package io.cpor.portal.security;

import io.cpor.portal.PortalSettings;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * On this machine the portal is {@code http://127.0.0.1:<port>}, never {@code localhost}: an OAuth2 issuer accepts
 * a loopback redirect URI only by its IP address (RFC 8252), and the session cookie must belong to the host the
 * issuer sends the browser back to. A page asked for under {@code localhost} is answered with a redirect to the
 * same page under 127.0.0.1, before anything else happens. Behind a gateway ({@code cpor.portal.loopback-only:
 * false}, the prod profile) the address the browser used is left as it is.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LoopbackAddress implements WebFilter {

    private final boolean loopbackOnly;

    LoopbackAddress(PortalSettings settings) {
        this.loopbackOnly = settings.loopbackOnly();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        URI asked = exchange.getRequest().getURI();
        // Pages only: a probe or an operator asking the operations port for health gets its answer wherever it asks.
        if (!loopbackOnly || !"localhost".equalsIgnoreCase(asked.getHost())
                || exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/actuator")) {
            return chain.filter(exchange);
        }
        exchange.getResponse().setStatusCode(HttpStatus.TEMPORARY_REDIRECT);
        exchange.getResponse().getHeaders().setLocation(UriComponentsBuilder.fromUri(asked).host("127.0.0.1")
                .build(true).toUri());
        return exchange.getResponse().setComplete();
    }
}
