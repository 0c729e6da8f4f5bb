package io.cpor.support.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The security chain of a service API: {@code /api/**} needs a bearer JWT with the given scope; health, metrics
 * and the API description are open; anything else is refused. Problems are answered as problem+json. The services
 * serve operations (actuator) on a management port of their own, where the same chain applies; health details are
 * shown to a token with the operations scope ({@code management.endpoint.health.roles}).
 */
public final class ApiSecurity {

    /** The partner APIs' roles: Incentives admin ({@code cpor.claims}), Incentives user ({@code cpor.claims.read}). */
    public static final Roles PARTNER = new Roles("cpor.claims", "cpor.claims.read");

    private static final String[] OPERATIONS = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus",
        "/actuator/metrics/**"};

    private ApiSecurity() {
    }

    public static SecurityWebFilterChain chain(ServerHttpSecurity http, String scope, String... openPaths) {
        return configure(http, scope, openPaths).build();
    }

    /**
     * A chain with two roles: {@code readScope} may read ({@code GET}, {@code HEAD}) under {@code /api/**},
     * {@code scope} may do everything; a change by a read-only token is 403 ({@code insufficient_scope}).
     */
    public static SecurityWebFilterChain chain(ServerHttpSecurity http, Roles roles, String... openPaths) {
        return configure(http, roles, openPaths).build();
    }

    /** The configuration of {@link #chain(ServerHttpSecurity, Roles, String...)}, not yet built. */
    public static ServerHttpSecurity configure(ServerHttpSecurity http, Roles roles, String... openPaths) {
        return secured(http, exchanges -> {
            openExchanges(exchanges, openPaths);
            exchanges.pathMatchers(HttpMethod.GET, "/api/**").hasAnyAuthority(roles.authorities())
                    .pathMatchers(HttpMethod.HEAD, "/api/**").hasAnyAuthority(roles.authorities())
                    .pathMatchers("/api/**").hasAuthority("SCOPE_" + roles.write())
                    .anyExchange().denyAll();
        });
    }

    /** The scope that may change things and the one that may only read. */
    public record Roles(String write, String read) {

        String[] authorities() {
            return new String[] {"SCOPE_" + write, "SCOPE_" + read};
        }
    }

    /**
     * The configuration of {@link #chain}, not yet built, for a service that adds to it (a web page with a form
     * that wants CSRF protection and its own headers, say).
     */
    public static ServerHttpSecurity configure(ServerHttpSecurity http, String scope, String... openPaths) {
        return secured(http, exchanges -> {
            openExchanges(exchanges, openPaths);
            exchanges.pathMatchers("/api/**").hasAuthority("SCOPE_" + scope).anyExchange().denyAll();
        });
    }

    private static void openExchanges(ServerHttpSecurity.AuthorizeExchangeSpec exchanges, String... openPaths) {
        exchanges.pathMatchers(OPERATIONS).permitAll();
        exchanges.pathMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**").permitAll();
        if (openPaths.length > 0) {
            exchanges.pathMatchers(openPaths).permitAll();
        }
    }

    private static ServerHttpSecurity secured(ServerHttpSecurity http,
            Customizer<ServerHttpSecurity.AuthorizeExchangeSpec> authorization) {
        return plain(http)
                .authorizeExchange(authorization)
                .oauth2ResourceServer(server -> server
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()));
    }

    /**
     * The chain of a service without an API: health and metrics are open (health details need a token with the
     * operations scope), anything else is refused.
     */
    public static SecurityWebFilterChain operationsOnly(ServerHttpSecurity http) {
        return plain(http)
                .authorizeExchange(exchanges -> exchanges.pathMatchers(OPERATIONS).permitAll().anyExchange().denyAll())
                .oauth2ResourceServer(server -> server
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .build();
    }

    private static ServerHttpSecurity plain(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable);
    }
}
