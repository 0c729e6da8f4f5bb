package io.cpor.portal.security;

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
 * same page under 127.0.0.1, before anything else happens.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LoopbackAddress implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        URI asked = exchange.getRequest().getURI();
        if (!"localhost".equalsIgnoreCase(asked.getHost())) {
            return chain.filter(exchange);
        }
        exchange.getResponse().setStatusCode(HttpStatus.TEMPORARY_REDIRECT);
        exchange.getResponse().getHeaders().setLocation(UriComponentsBuilder.fromUri(asked).host("127.0.0.1")
                .build(true).toUri());
        return exchange.getResponse().setComplete();
    }
}
