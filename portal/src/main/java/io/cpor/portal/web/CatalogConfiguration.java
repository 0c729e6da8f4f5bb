package io.cpor.portal.web;

import io.cpor.schemas.catalog.SolutionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The solution catalog the claim form offers its choices from: the one the claims API validates claims with. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    SolutionCatalog solutionCatalog() {
        return SolutionCatalog.load();
    }
}
