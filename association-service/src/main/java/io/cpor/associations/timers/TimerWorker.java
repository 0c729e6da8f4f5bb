package io.cpor.associations.timers;

import io.cpor.associations.AssociationProperties;
import io.cpor.associations.domain.Associations;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for due timers every {@code cpor.associations.timer-interval} and fires them, a batch at a time while more
 * are due. Every instance does; the timers' leases and the requests' conditional updates make each fire once.
 */
@Component
class TimerWorker {

    private static final Logger log = LoggerFactory.getLogger(TimerWorker.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Associations associations;
    private final int batch;
    private final int concurrency;
    private final Counter activations;

    TimerWorker(Associations associations, AssociationProperties properties, MeterRegistry meters) {
        this.associations = associations;
        this.batch = properties.timerBatch();
        this.concurrency = properties.timerConcurrency();
        this.activations = Counter.builder("cpor.associations.activations")
                .description("Associations this instance made active when their timer fired").register(meters);
    }

    @Scheduled(fixedDelayString = "${cpor.associations.timer-interval:PT1S}")
    void fireDue() {
        try {
            Associations.Fired fired;
            do {
                fired = associations.fireDueTimers(batch, concurrency).block(TIMEOUT);
                if (fired == null) {
                    return;
                }
                activations.increment(fired.activated());
            }
            while (fired.taken() == batch);
        }
        catch (RuntimeException e) {
            log.warn("Firing due timers failed; trying again at the next look: {}", e.toString());
        }
    }
}
