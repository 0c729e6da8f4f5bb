package io.cpor.claims.api;

import io.cpor.claims.domain.ClaimStatus;
import io.cpor.claims.domain.WorkloadState;
import io.cpor.schemas.catalog.SolutionCatalog;
import io.cpor.support.openapi.ApiRules;
import io.cpor.support.security.ApiSecurity;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's security (every {@code /api} call needs a bearer JWT with scope {@code cpor.claims}, or
 * {@code cpor.claims.read} for reads only; health, metrics
 * and the API description are open) and its OpenAPI description.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http) {
        return ApiSecurity.chain(http, ApiSecurity.PARTNER);
    }

    @Bean
    ClaimRequestValidator claimRequestValidator(SolutionCatalog catalog) {
        return new ClaimRequestValidator(catalog);
    }

    @Bean
    ClaimAmendments claimAmendments(ClaimRequestValidator validator, SolutionCatalog catalog, JsonMapper json) {
        return new ClaimAmendments(validator, catalog, json);
    }

    @Bean
    DraftContents draftContents(ClaimRequestValidator validator, JsonMapper json) {
        return new DraftContents(validator, json);
    }

    @Bean
    RequestFingerprints requestFingerprints(JsonMapper json) {
        return new RequestFingerprints(json);
    }

    /** The catalog's codes and the claim's states, as the API document's enums. */
    @Bean
    ApiRules claimsApiRules(SolutionCatalog catalog) {
        List<String> statuses = ApiRules.names(ClaimStatus.class);
        return ApiRules.builder()
                .enumOf("ClaimRequest.solutionArea", catalog.solutionAreaCodes())
                .enumOf("ClaimRequest.program", catalog.programCodes())
                .enumOf("ClaimRequest.partnerRole", catalog.partnerRoleCodes())
                .enumOf("ClaimRequest.workloads", catalog.workloadCodes())
                .enumOf("ClaimView.status", statuses)
                .enumOf("ClaimView.solutionArea", catalog.solutionAreaCodes())
                .enumOf("ClaimView.program", catalog.programCodes())
                .enumOf("ClaimView.partnerRole", catalog.partnerRoleCodes())
                .enumOf("WorkloadView.workload", catalog.workloadCodes())
                .enumOf("WorkloadView.state", ApiRules.names(WorkloadState.class))
                .enumOf("ClaimAccepted.status", statuses)
                .parameterEnum("status", statuses)
                .build();
    }

    /**
     * The answer to a PATCH is a draft or a claim: its {@code status} tells which (DRAFT, or any status of a claim),
     * so a generated client reads it as the one it is.
     */
    @Bean
    OpenApiCustomizer draftOrClaimByStatus() {
        return api -> {
            PathItem path = api.getPaths() == null ? null : api.getPaths().get("/api/v1/claims/{claimId}");
            if (path == null || path.getPatch() == null) {
                return;
            }
            Discriminator byStatus = new Discriminator().propertyName("status")
                    .mapping("DRAFT", "#/components/schemas/DraftView");
            for (ClaimStatus status : ClaimStatus.values()) {
                byStatus.mapping(status.name(), "#/components/schemas/ClaimView");
            }
            path.getPatch().getResponses().get("200").getContent().get("application/json").getSchema()
                    .setDiscriminator(byStatus);
        };
    }

    @Bean
    OpenAPI claimsApi() {
        return new OpenAPI()
                .info(new Info().title("CPOR claims API").version("v1.1")
                        .description("Customer association claims (Claiming Partner of Record). Every call takes an "
                                + "OAuth2 bearer token with scope cpor.claims and your partner_id. Errors are RFC 9457 "
                                + "problem details (application/problem+json) naming every offending field. Since "
                                + "v1.1 a claim accepts the program's terms (programTermsAccepted: true, required) "
                                + "and a Business Applications claim names a technical contact: a v1 client's "
                                + "claim without them is refused with 400 naming the field."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
