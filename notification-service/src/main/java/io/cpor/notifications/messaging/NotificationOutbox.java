package io.cpor.notifications.messaging;

import io.cpor.events.EventMetadata;
import io.cpor.notifications.domain.CustomerNotified;
import io.cpor.notifications.domain.MailStore;
import io.cpor.notifications.domain.NotificationEventsPublisher;
import io.cpor.notifications.domain.OutgoingMail;
import io.cpor.schemas.Topics;
import io.cpor.support.outbox.OutboxMessage;
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

/** CustomerNotified events of sent mails, published by the outbox relay (keyed by tenant id). */
@Configuration(proxyBeanMethods = false)
class NotificationOutbox {

    @Bean
    OutboxRelay notificationsRelay(MailStore store, KafkaTemplate<String, Object> kafka, Clock clock,
            MeterRegistry meters) {
        return new OutboxRelay("notifications", new Store(store), kafka, clock, meters, 2);
    }

    static PendingMessages pending(OutgoingMail mail) {
        return new PendingMessages(mail.id(), mail.revision(), mail.pendingEvents().stream()
                .map(NotificationOutbox::message).toList());
    }

    private static OutboxMessage message(CustomerNotified event) {
        io.cpor.events.notifications.CustomerNotified record = io.cpor.events.notifications.CustomerNotified
                .newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(event.eventId()).setOccurredAt(event.occurredAt())
                        .setClaimId(event.claimId()).setCausationId(event.causationId()).build())
                .setRequestId(event.notice().requestId())
                .setTenantId(event.notice().tenantId())
                .setPartnerId(event.notice().partnerId())
                .setSentAt(event.sentAt())
                .setDeclineBy(event.declineBy())
                .setMessageId(event.messageId())
                .build();
        return new OutboxMessage(event.eventId(), event.occurredAt(), Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED,
                event.notice().tenantId().toString(), record);
    }

    /** Hands each sent mail's event to the relay. */
    @Component
    static class Publisher implements NotificationEventsPublisher {

        private final OutboxRelay relay;

        Publisher(OutboxRelay relay) {
            this.relay = relay;
        }

        @Override
        public void publishSoon(OutgoingMail sent) {
            relay.publishSoon(pending(sent));
        }
    }

    /** The mail store as the relay reads it. */
    private record Store(MailStore mails) implements OutboxStore {

        @Override
        public Mono<PendingMessages> pending(UUID aggregateId) {
            return Mono.empty();
        }

        @Override
        public Flux<PendingMessages> withPending() {
            return mails.withPendingEvents().map(NotificationOutbox::pending);
        }

        @Override
        public Mono<Void> forget(java.util.Map<UUID, List<UUID>> eventIds) {
            return mails.markPublished(eventIds);
        }
    }
}
