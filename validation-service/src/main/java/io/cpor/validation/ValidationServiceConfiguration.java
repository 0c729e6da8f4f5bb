package io.cpor.validation;

import io.cpor.schemas.catalog.SolutionCatalog;
import io.cpor.support.calendar.BusinessCalendar;
import io.cpor.validation.domain.ClaimChecks;
import io.cpor.validation.domain.InformationWindow;
import io.cpor.validation.domain.ReviewDeadline;
import io.cpor.validation.domain.OpenClaims;
import io.cpor.validation.domain.PartnerRegistry;
import io.cpor.validation.domain.ProofRules;
import io.cpor.validation.domain.ReviewEventsPublisher;
import io.cpor.validation.domain.ReviewStore;
import io.cpor.validation.domain.Reviews;
import io.cpor.validation.domain.SubscriptionDirectory;
import io.cpor.validation.domain.TenantDirectory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The domain's use cases and the rules they apply, wired once. */
@Configuration(proxyBeanMethods = false)
class ValidationServiceConfiguration {

    @Bean
    ClaimChecks claimChecks(SolutionCatalog catalog, ValidationProperties properties) {
        return new ClaimChecks(catalog, new ProofRules(properties.proofMediaTypes(),
                properties.proofMaxSize().toBytes()));
    }

    @Bean
    InformationWindow informationWindow(ValidationProperties properties, BusinessCalendar calendar) {
        return calendar.window(properties.informationBusinessDays(), properties.informationWindow())::apply;
    }

    @Bean
    ReviewDeadline reviewDeadline(ValidationProperties properties, BusinessCalendar calendar) {
        return calendar.window(properties.reviewBusinessDays(), null)::apply;
    }

    @Bean
    Reviews reviews(ReviewStore store, TenantDirectory directory, SubscriptionDirectory subscriptions,
            PartnerRegistry partners, OpenClaims openClaims, ClaimChecks checks, ReviewEventsPublisher publisher,
            InformationWindow window, Clock clock) {
        return new Reviews(store, directory, subscriptions, partners, openClaims, checks, publisher, window, clock);
    }
}
