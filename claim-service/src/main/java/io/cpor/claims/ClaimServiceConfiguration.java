package io.cpor.claims;

import io.cpor.claims.domain.ClaimEventsPublisher;
import io.cpor.claims.domain.ClaimStore;
import io.cpor.claims.domain.Claims;
import io.cpor.claims.domain.DraftStore;
import io.cpor.claims.domain.Drafts;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The domain's use cases and the values they need, wired once. */
@Configuration(proxyBeanMethods = false)
class ClaimServiceConfiguration {

    @Bean
    Claims claims(ClaimStore store, ClaimEventsPublisher publisher, DisputeProperties disputes, Clock clock) {
        return new Claims(store, publisher, disputes.window(), clock);
    }

    @Bean
    Drafts drafts(DraftStore store, Claims claims, DraftProperties properties, Clock clock) {
        return new Drafts(store, claims, properties.lifetime(), clock);
    }
}
