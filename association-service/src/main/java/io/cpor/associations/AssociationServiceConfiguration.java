package io.cpor.associations;

import io.cpor.associations.domain.AssociationEventsPublisher;
import io.cpor.associations.domain.AssociationStore;
import io.cpor.associations.domain.Associations;
import io.cpor.associations.domain.DeclineLinks;
import io.cpor.associations.domain.Reservations;
import io.cpor.associations.domain.Timers;
import io.cpor.schemas.catalog.SolutionCatalog;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases, wired once. */
@Configuration(proxyBeanMethods = false)
class AssociationServiceConfiguration {

    @Bean
    Associations associations(AssociationStore store, Reservations reservations, SolutionCatalog catalog,
            Timers timers, AssociationEventsPublisher publisher, Clock clock, AssociationProperties properties) {
        return new Associations(store, reservations, catalog, timers, new DeclineLinks(properties.publicBaseUrl()),
                publisher, clock, properties.linkLifetime(), properties.timerGrace());
    }
}
