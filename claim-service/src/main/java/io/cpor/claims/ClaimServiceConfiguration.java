package io.cpor.claims;

import io.cpor.claims.domain.ClaimEventsPublisher;
import io.cpor.claims.domain.ClaimStore;
import io.cpor.claims.domain.Claims;
import io.cpor.schemas.catalog.SolutionCatalog;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The domain's use cases and the values they need, wired once. */
@Configuration(proxyBeanMethods = false)
class ClaimServiceConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SolutionCatalog solutionCatalog() {
        return SolutionCatalog.load();
    }

    @Bean
    Claims claims(ClaimStore store, ClaimEventsPublisher publisher, Clock clock) {
        return new Claims(store, publisher, clock);
    }
}
