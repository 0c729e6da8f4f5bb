package io.cpor.claims.messaging;

import io.cpor.claims.domain.Claim;
import io.cpor.claims.domain.ClaimEventsPublisher;
import io.cpor.support.outbox.OutboxRelay;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Hands each stored change to the outbox relay, and sweeps for events an outage or a crash left behind. */
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

    @Scheduled(initialDelayString = "${cpor.relay.sweep-interval:PT5S}",
            fixedDelayString = "${cpor.relay.sweep-interval:PT5S}")
    void sweep() {
        relay.sweep();
    }
}
