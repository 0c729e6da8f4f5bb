package io.cpor.support.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The security chain of a service API: {@code /api/**} needs a bearer JWT with the given scope; health, metrics
 * and the API description are open; anything else is refused. Problems are answered as problem+json.
 */
public final class ApiSecurity {

    private ApiSecurity() {
    }

    public static SecurityWebFilterChain chain(ServerHttpSecurity http, String scope, String... openPaths) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                            "/actuator/metrics/**", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                            "/webjars/**").permitAll();
                    if (openPaths.length > 0) {
                        exchanges.pathMatchers(openPaths).permitAll();
                    }
                    exchanges.pathMatchers("/api/**").hasAuthority("SCOPE_" + scope).anyExchange().denyAll();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .build();
    }
}
