package io.cpor.portal.security;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.AuthorizationCodeReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;

/**
 * People sign in at the issuer with the authorization code grant and PKCE (the issuer refuses a request without a
 * code challenge); the session holds their tokens, never the browser. Every form carries a CSRF token; pages run no
 * script at all, and the policy says so.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    /** The registration the portal signs people in with (spring.security.oauth2.client.registration.cpor). */
    public static final String REGISTRATION = "cpor";

    /**
     * The pages' policy: no script, styles and images of the portal only, no frames, and forms that post to the
     * portal alone; a form's answer may redirect to the issuer (signing out, or in again), which the browser checks
     * against form-action too.
     */
    static String contentSecurityPolicy(String issuerOrigins) {
        return "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' "
                + issuerOrigins + "; frame-ancestors 'none'; base-uri 'none'";
    }

    /** Where the issuer's sign-in and sign-out pages are: scheme, host and port of each. */
    static String issuerOrigins(ClientRegistration registration) {
        ClientRegistration.ProviderDetails provider = registration.getProviderDetails();
        Set<String> origins = new LinkedHashSet<>();
        origins.add(origin(provider.getAuthorizationUri()));
        Object endSession = provider.getConfigurationMetadata().get("end_session_endpoint");
        if (endSession != null) {
            origins.add(origin(String.valueOf(endSession)));
        }
        return String.join(" ", origins);
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    @Bean
    SecurityWebFilterChain portalSecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations) {
        String policy = contentSecurityPolicy(issuerOrigins(registrations.findByRegistrationId(REGISTRATION)
                .blockOptional().orElseThrow(() -> new IllegalStateException("No client registration " + REGISTRATION))));
        DefaultServerOAuth2AuthorizationRequestResolver withPkce =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/assets/**", "/favicon.ico", "/signed-out", "/actuator/health/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2Login(login -> login.authorizationRequestResolver(withPkce))
                .oauth2Client(client -> { })
                .logout(logout -> logout.logoutSuccessHandler(signedOut(registrations)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                        .frameOptions(frame -> frame.mode(Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * Signing out of the portal signs the person out at the issuer too (OpenID Connect RP-initiated logout), which
     * sends the browser back to the page that says so: on a shared computer the next person to sign in is asked who
     * they are. An issuer without a logout endpoint sends them to that page at once.
     */
    private static ServerLogoutSuccessHandler signedOut(ReactiveClientRegistrationRepository registrations) {
        OidcClientInitiatedServerLogoutSuccessHandler handler =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        handler.setLogoutSuccessUrl(URI.create("/signed-out"));
        return handler;
    }

    /** Tokens for the API calls: the one the person signed in with, refreshed with its refresh token when it expires. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClients(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorized) {
        ReactiveOAuth2AuthorizedClientProvider provider = ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .provider(new AuthorizationCodeReactiveOAuth2AuthorizedClientProvider())
                .refreshToken()
                .build();
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorized);
        manager.setAuthorizedClientProvider(provider);
        return manager;
    }
}
