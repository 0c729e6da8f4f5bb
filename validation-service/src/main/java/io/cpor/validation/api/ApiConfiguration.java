package io.cpor.validation.api;

import io.cpor.schemas.catalog.SolutionCatalog;
import io.cpor.support.openapi.ApiRules;
import io.cpor.support.security.ApiSecurity;
import io.cpor.validation.domain.Decision;
import io.cpor.validation.domain.ReviewStatus;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** Every {@code /api} call needs a bearer JWT with scope {@code cpor.review}: partner tokens are refused (403). */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http) {
        return ApiSecurity.chain(http, "cpor.review");
    }

    @Bean
    OpenAPI reviewsApi() {
        return new OpenAPI()
                .info(new Info().title("CPOR review API").version("v1")
                        .description("For Microsoft validators: claims that passed the automated checks wait here "
                                + "(and on the cpor.claims.review topic) for a decision. Needs a bearer token with "
                                + "scope cpor.review. Tools may decide through cpor.claims.review-decisions instead."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }

    /** The catalog's codes, the review states and decisions as enums; what the domain records leave null. */
    @Bean
    ApiRules reviewsApiRules(SolutionCatalog catalog) {
        List<String> states = Arrays.stream(ReviewStatus.values()).map(ReviewView::state).toList();
        return ApiRules.builder()
                .enumOf("DecisionRequest.decision", ApiRules.names(Decision.Kind.class))
                .enumOf("ReviewView.state", states)
                .enumOf("ClaimSnapshot.solutionArea", catalog.solutionAreaCodes())
                .enumOf("ClaimSnapshot.program", catalog.programCodes())
                .enumOf("ClaimSnapshot.partnerRole", catalog.partnerRoleCodes())
                .enumOf("ClaimSnapshot.workloads", catalog.workloadCodes())
                .enumOf("DecisionRequest.reasons", Decision.INFORMATION_REASONS)
                .enumOf("InformationExchange.reasons", Decision.INFORMATION_REASONS)
                .parameterEnum("state", states)
                .nullable("ClaimSnapshot.locale", "ClaimSnapshot.subscriptionId", "ClaimSnapshot.proofOfExecution",
                        "ClaimSnapshot.technicalContact", "ClaimSnapshot.comments", "TechnicalContact.phone",
                        "ClaimChange.before", "ClaimChange.after", "Dispute.rejectedBy", "ArbitrationView.outcome",
                        "Holder.claim", "Holder.approvedBy", "Person.title", "InformationExchange.answeredAt", "InformationExchange.answer",
                        "InformationExchange.documents", "ReviewView.reviewRequestId", "DecisionRequest.reasons")
                .build();
    }
}
