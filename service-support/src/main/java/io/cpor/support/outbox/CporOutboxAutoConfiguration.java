package io.cpor.support.outbox;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The sweeps of the service's outbox relays. */
@AutoConfiguration
@EnableScheduling
public class CporOutboxAutoConfiguration {

    @Bean
    OutboxSweeps outboxSweeps(ObjectProvider<OutboxRelay> relays) {
        return new OutboxSweeps(relays);
    }
}
