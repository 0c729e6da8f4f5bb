package io.cpor.associations.messaging;

import io.cpor.associations.domain.AssociationEventsPublisher;
import io.cpor.associations.domain.AssociationRequest;
import io.cpor.associations.domain.AssociationStore;
import io.cpor.support.outbox.OutboxRelay;
import io.cpor.support.outbox.OutboxStore;
import io.cpor.support.outbox.PendingMessages;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The requests' events, published by the outbox relay (service-support sweeps what an outage left behind). */
@Configuration(proxyBeanMethods = false)
class AssociationOutbox {

    @Bean
    OutboxRelay associationsRelay(AssociationStore store, KafkaTemplate<String, Object> kafka, Clock clock,
            MeterRegistry meters) {
        return new OutboxRelay("associations", new Store(store), kafka, clock, meters, 2);
    }

    /** Hands each stored step to the relay. */
    @Component
    static class Publisher implements AssociationEventsPublisher {

        private final OutboxRelay relay;

        Publisher(OutboxRelay relay) {
            this.relay = relay;
        }

        @Override
        public void publishSoon(AssociationRequest stored) {
            relay.publishSoon(AssociationRecords.pending(stored));
        }
    }

    /** The request store as the relay reads it. */
    private record Store(AssociationStore requests) implements OutboxStore {

        @Override
        public Mono<PendingMessages> pending(UUID aggregateId) {
            return requests.find(aggregateId).map(AssociationRecords::pending);
        }

        @Override
        public Flux<PendingMessages> withPending() {
            return requests.withPendingEvents().map(AssociationRecords::pending);
        }

        @Override
        public Mono<Void> forget(java.util.Map<UUID, List<UUID>> eventIds) {
            return requests.markPublished(eventIds);
        }
    }
}
