package io.cpor.associations.web;

import io.cpor.associations.domain.AssociationStatus;
import io.cpor.associations.domain.WorkloadClaim;
import io.cpor.schemas.catalog.SolutionCatalog;
import io.cpor.support.openapi.ApiRules;
import io.cpor.support.security.ApiSecurity;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The partner API ({@code /api/**}) needs a bearer JWT with scope {@code cpor.claims}; the decline page is open to
 * whoever holds a link, and declines only by a POST carrying the CSRF token the page itself rendered. Every answer
 * forbids framing, sniffing and referrers (the link's token is in the URL); the page may load only its own style.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http) {
        return ApiSecurity.configure(http, ApiSecurity.PARTNER, "/decline/**", "/assets/**")
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .requireCsrfProtectionMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST,
                                "/decline/**")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.mode(Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/decline");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }

    /** The states, outcomes and workload codes as the API document's enums; the moments not yet reached are null. */
    @Bean
    ApiRules associationsApiRules(SolutionCatalog catalog) {
        return ApiRules.builder()
                .enumOf("AssociationView.state", ApiRules.names(AssociationStatus.class))
                .enumOf("WorkloadView.workload", catalog.workloadCodes())
                .enumOf("WorkloadView.outcome", ApiRules.names(WorkloadClaim.Outcome.class))
                .parameterEnum("state", ApiRules.names(AssociationStatus.class))
                .nullable("AssociationView.notifiedAt", "AssociationView.declineBy", "AssociationView.activatedAt",
                        "AssociationView.declinedAt", "AssociationView.removedAt", "AssociationView.withdrawnAt",
                        "AssociationPage.nextCursor")
                .build();
    }

    @Bean
    OpenAPI associationsApi() {
        return new OpenAPI()
                .info(new Info().title("CPOR associations API").version("v1")
                        .description("For partners: your associations with customer tenants, per approved claim, "
                                + "with each workload's outcome. Needs a bearer token with scope cpor.claims."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
