package io.cpor.claims.messaging;

import io.cpor.support.outbox.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** The relay that publishes claims' stored events (a lifecycle bean: started and stopped with the service). */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    OutboxRelay claimsRelay(ClaimOutboxStore store, KafkaTemplate<String, Object> kafka, Clock clock,
            MeterRegistry meters, RelayProperties properties) {
        return new OutboxRelay("claims", store, kafka, clock, meters, properties.lanes());
    }
}
