package io.cpor.associations;

import io.cpor.associations.domain.AssociationEventsPublisher;
import io.cpor.associations.domain.AssociationStore;
import io.cpor.associations.domain.Associations;
import io.cpor.associations.domain.DeclineLinks;
import io.cpor.associations.domain.Reservations;
import io.cpor.associations.domain.Timers;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases, wired once. */
@Configuration(proxyBeanMethods = false)
class AssociationServiceConfiguration {

    @Bean
    Associations associations(AssociationStore store, Reservations reservations, Timers timers,
            AssociationEventsPublisher publisher, Clock clock, AssociationProperties properties) {
        return new Associations(store, reservations, timers, new DeclineLinks(properties.publicBaseUrl()), publisher,
                clock, properties.linkLifetime(), properties.timerLease());
    }
}
