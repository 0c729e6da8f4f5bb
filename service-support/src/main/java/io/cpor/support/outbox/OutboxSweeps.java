package io.cpor.support.outbox;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sweeps every {@link OutboxRelay} of the service every {@code cpor.relay.sweep-interval} (5 s by default), so events
 * a broker outage or a crash left unpublished go out without anyone asking.
 */
public class OutboxSweeps {

    private final ObjectProvider<OutboxRelay> relays;

    public OutboxSweeps(ObjectProvider<OutboxRelay> relays) {
        this.relays = relays;
    }

    @Scheduled(initialDelayString = "${cpor.relay.sweep-interval:PT5S}",
            fixedDelayString = "${cpor.relay.sweep-interval:PT5S}")
    void sweep() {
        relays.orderedStream().forEach(OutboxRelay::sweep);
    }
}
