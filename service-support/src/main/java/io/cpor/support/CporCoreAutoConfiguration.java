package io.cpor.support;

import io.cpor.schemas.catalog.SolutionCatalog;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * What every service's domain is given: the clock (UTC; a test puts a movable one in its place) and the solution
 * catalog of the contract.
 */
@AutoConfiguration
public class CporCoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    SolutionCatalog solutionCatalog() {
        return SolutionCatalog.load();
    }
}
