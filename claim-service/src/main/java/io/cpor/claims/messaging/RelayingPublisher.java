package io.cpor.claims.messaging;

import io.cpor.claims.domain.Claim;
import io.cpor.claims.domain.ClaimEventsPublisher;
import io.cpor.support.outbox.OutboxRelay;
import org.springframework.stereotype.Component;

/** Hands each stored change to the outbox relay (service-support sweeps for what an outage or a crash left). */
@Component
class RelayingPublisher implements ClaimEventsPublisher {

    private final OutboxRelay relay;

    RelayingPublisher(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void publishSoon(Claim stored) {
        relay.publishSoon(ClaimOutboxStore.pending(stored));
    }
}
