package io.cpor.support.security;

import io.cpor.support.web.Problems;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 and 403 as problem+json, with the {@code WWW-Authenticate} header RFC 6750 asks for. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static ServerAuthenticationEntryPoint unauthenticated() {
        return (exchange, failure) -> {
            boolean tokenGiven = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, tokenGiven
                    ? "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or expired\""
                    : "Bearer");
            return write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                    tokenGiven ? "The bearer token is invalid or expired" : "A bearer token is required");
        };
    }

    public static ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer error=\"insufficient_scope\"");
            return write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "The token does not grant this operation");
        };
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String title,
            String detail) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"" + Problems.BASE + type + "\",\"title\":\"" + title + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\",\"instance\":\""
                + exchange.getRequest().getPath().value().replace("\"", "%22").replace("\\", "%5C") + "\"}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
