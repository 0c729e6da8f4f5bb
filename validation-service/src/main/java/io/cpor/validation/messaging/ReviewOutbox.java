package io.cpor.validation.messaging;

import io.cpor.support.outbox.OutboxRelay;
import io.cpor.support.outbox.OutboxStore;
import io.cpor.support.outbox.PendingMessages;
import io.cpor.validation.domain.Review;
import io.cpor.validation.domain.ReviewEventsPublisher;
import io.cpor.validation.domain.ReviewStore;
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

/** Reviews' stored events, published by the outbox relay; a sweep republishes what an outage or crash left. */
@Configuration(proxyBeanMethods = false)
class ReviewOutbox {

    @Bean
    OutboxRelay reviewsRelay(ReviewStore store, KafkaTemplate<String, Object> kafka, Clock clock,
            MeterRegistry meters) {
        return new OutboxRelay("reviews", new Store(store), kafka, clock, meters, 4);
    }

    static PendingMessages pending(Review review) {
        return new PendingMessages(review.claimId(), review.state().revision(), ReviewRecords.messages(review));
    }

    /** Hands each stored change to the relay. */
    @Component
    static class Publisher implements ReviewEventsPublisher {

        private final OutboxRelay relay;

        Publisher(OutboxRelay relay) {
            this.relay = relay;
        }

        @Override
        public void publishSoon(Review stored) {
            relay.publishSoon(pending(stored));
        }
    }

    /** The review store as the relay reads it. */
    private record Store(ReviewStore reviews) implements OutboxStore {

        @Override
        public Mono<PendingMessages> pending(UUID aggregateId) {
            return reviews.find(aggregateId).map(ReviewOutbox::pending);
        }

        @Override
        public Flux<PendingMessages> withPending() {
            return reviews.withPendingEvents().map(ReviewOutbox::pending);
        }

        @Override
        public Mono<Void> forget(java.util.Map<UUID, List<UUID>> eventIds) {
            return reviews.markPublished(eventIds);
        }
    }
}
