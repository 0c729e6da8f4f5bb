package io.cpor.support.openapi;

import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** The contract rules of every service's OpenAPI document ({@link ContractDocument}), where springdoc is there. */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class CporOpenApiAutoConfiguration {

    /** Path and query parameters that carry a UUID in every API. */
    static final List<String> UUID_PARAMETERS = List.of("claimId", "tenantId");

    @Bean
    ContractDocument contractDocument(ObjectProvider<ApiRules> rules) {
        return new ContractDocument(rules.getIfAvailable(() -> ApiRules.builder().build()), UUID_PARAMETERS);
    }
}
