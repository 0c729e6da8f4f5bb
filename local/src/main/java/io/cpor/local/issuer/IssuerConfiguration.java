package io.cpor.local.issuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The issuer's application context. Auto-configuration is imported by name, not scanned from the classpath, so the
 * issuer stays the same whatever else is on the classpath (a service's tests start it in their own JVM).
 */
@Configuration(proxyBeanMethods = false)
@Import(SignInPage.class)
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
        TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class, SecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
        OAuth2AuthorizationServerAutoConfiguration.class, OAuth2AuthorizationServerJwtAutoConfiguration.class})
class IssuerConfiguration {

    static final String PARTNER_ID_CLAIM = "partner_id";

    /** What a person's ID token says of them beside their name: which scopes their access tokens carry. */
    static final String SCOPES_CLAIM = "cpor_scopes";

    @Bean
    RegisteredClientRepository registeredClients(
            @Value("${cpor.issuer.portal-redirect-uris}") List<String> portalRedirectUris) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<RegisteredClient> clients = new ArrayList<>(DemoClients.ALL.stream()
                .map(client -> RegisteredClient.withId(UUID.nameUUIDFromBytes(client.clientId().getBytes()).toString())
                        .clientId(client.clientId())
                        // Encoded with a fresh salt each: the in-memory repository refuses equal stored secrets.
                        .clientSecret(encoder.encode(DemoClients.SECRET))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scopes(scopes -> scopes.addAll(client.scopes()))
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(1)).build())
                        .build())
                .toList());
        clients.add(portal(encoder, portalRedirectUris));
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * The portal signs people in with the authorization code grant and must prove it started the flow (PKCE):
     * a request without a code challenge is refused. A loopback redirect URI (127.0.0.1) matches on any port.
     */
    private static RegisteredClient portal(PasswordEncoder encoder, List<String> redirectUris) {
        Set<String> scopes = new LinkedHashSet<>(List.of(OidcScopes.OPENID, OidcScopes.PROFILE));
        DemoClients.USERS.forEach(user -> scopes.addAll(user.scopes()));
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(DemoClients.PORTAL_CLIENT_ID.getBytes()).toString())
                .clientId(DemoClients.PORTAL_CLIENT_ID)
                .clientSecret(encoder.encode(DemoClients.SECRET))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(redirectUris))
                // Signing out of the portal signs out here too, and sends the browser back to the portal's page.
                .postLogoutRedirectUris(uris -> redirectUris.forEach(uri -> uris.add(signedOutPage(uri))))
                .scopes(granted -> granted.addAll(scopes))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(30))
                        .refreshTokenTimeToLive(Duration.ofHours(8)).reuseRefreshTokens(false).build())
                .build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(@Value("${cpor.issuer.key-file}") Path keyFile) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKey.loadOrCreate(keyFile)));
    }

    /**
     * Names the token's audience (the CPOR APIs for the demo clients), adds the PartnerID of partner clients, and grants a client its registered scopes when it asked for none
     * (Spring's default would issue a token with no scope at all, which every endpoint refuses).
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> demoClaims() {
        return context -> {
            Optional<DemoClients.DemoUser> person = DemoClients.PORTAL_CLIENT_ID.equals(
                    context.getRegisteredClient().getClientId()) && context.getPrincipal() != null
                            ? DemoClients.user(context.getPrincipal().getName()) : Optional.empty();
            if (person.isPresent()) {
                personClaims(context, person.get());
                return;
            }
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            String clientId = context.getRegisteredClient().getClientId();
            DemoClients.named(clientId).ifPresent(client -> {
                if (client.partnerId() != null) {
                    context.getClaims().claim(PARTNER_ID_CLAIM, client.partnerId());
                }
                context.getClaims().audience(List.of(client.audience()));
            });
            Set<String> authorized = context.getAuthorizedScopes();
            if (authorized == null || authorized.isEmpty()) {
                context.getClaims().claim("scope", context.getRegisteredClient().getScopes());
            }
        };
    }

    /** The portal's signed-out page beside its sign-in callback ({@code .../login/oauth2/code/cpor}). */
    static String signedOutPage(String redirectUri) {
        return redirectUri.replaceFirst("/login/oauth2/code/[^/]+$", "/signed-out");
    }

    /**
     * The issuer's endpoints, as Spring Boot would configure them, but for one thing: a post-logout redirect URI on
     * the loopback address matches a registered one whatever its port, as redirect URIs do (RFC 8252), so the portal
     * on this machine is sent back to itself on whatever port it runs.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(oidc -> oidc.logoutEndpoint(logout -> logout.authenticationProviders(providers -> providers
                    .stream().filter(OidcLogoutAuthenticationProvider.class::isInstance)
                    .map(OidcLogoutAuthenticationProvider.class::cast)
                    .forEach(provider -> provider.setAuthenticationValidator(IssuerConfiguration::postLogoutRedirect)))));
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        http.oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()));
        MediaTypeRequestMatcher pages = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        pages.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http.exceptionHandling(exceptions -> exceptions
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), pages));
        return http.build();
    }

    /** The demo people sign in with a form. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll());
        return http.build();
    }

    static void postLogoutRedirect(OidcLogoutAuthenticationContext context) {
        OidcLogoutAuthenticationToken logout = context.getAuthentication();
        String asked = logout.getPostLogoutRedirectUri();
        if (asked == null || context.getRegisteredClient().getPostLogoutRedirectUris().stream()
                .anyMatch(registered -> sameEndpoint(registered, asked))) {
            return;
        }
        throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                "OpenID Connect 1.0 Logout Request Parameter: post_logout_redirect_uri", null));
    }

    /** The same URI, or the same one on the loopback address on another port. */
    static boolean sameEndpoint(String registered, String asked) {
        if (registered.equals(asked)) {
            return true;
        }
        try {
            URI one = new URI(registered);
            URI other = new URI(asked);
            boolean loopback = "127.0.0.1".equals(one.getHost()) || "[::1]".equals(one.getHost());
            return loopback && other.getUserInfo() == null && other.getFragment() == null
                    && "http".equals(other.getScheme()) && one.getScheme().equals(other.getScheme())
                    && one.getHost().equals(other.getHost()) && one.getRawPath().equals(other.getRawPath())
                    && java.util.Objects.equals(one.getRawQuery(), other.getRawQuery());
        }
        catch (URISyntaxException malformed) {
            return false;
        }
    }

    /**
     * A person's tokens: the access token for the CPOR APIs carries their PartnerID and only the scopes of their
     * role (whatever the portal asked for); the ID token tells the portal their name, PartnerID and scopes.
     */
    private static void personClaims(JwtEncodingContext context, DemoClients.DemoUser person) {
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getClaims().audience(List.of(DemoClients.AUDIENCE));
            context.getClaims().claim("scope", person.scopes());
        }
        else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            context.getClaims().claim(StandardClaimNames.NAME, person.name());
            context.getClaims().claim(StandardClaimNames.EMAIL, person.username());
            context.getClaims().claim(SCOPES_CLAIM, List.copyOf(person.scopes()));
        }
        else {
            return;
        }
        if (person.partnerId() != null) {
            context.getClaims().claim(PARTNER_ID_CLAIM, person.partnerId());
        }
    }

    /** The demo people, who sign in with the form at {@code /login} (the portal's users). */
    @Bean
    UserDetailsService demoUsers() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(DemoClients.USERS.stream()
                .map(user -> User.withUsername(user.username()).password(encoder.encode(DemoClients.USER_PASSWORD))
                        .roles("USER").build())
                .toList());
    }
}
