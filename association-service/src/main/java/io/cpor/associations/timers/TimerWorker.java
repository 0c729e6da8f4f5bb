package io.cpor.associations.timers;

import io.cpor.associations.AssociationProperties;
import io.cpor.associations.domain.Associations;
import io.cpor.associations.domain.TimerShards;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for due timers every {@code cpor.associations.timer-interval} and fires them, looking again at once while a
 * look came back full. Each instance fires the timers of the shards it holds, and any instance those overdue by more
 * than the grace; a request's guarded update makes each fire once even when two look at the same one.
 */
@Component
class TimerWorker {

    private static final Logger log = LoggerFactory.getLogger(TimerWorker.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Associations associations;
    private final TimerShards shards;
    private final int batch;
    private final Counter activations;

    TimerWorker(Associations associations, TimerShards shards, AssociationProperties properties,
            MeterRegistry meters) {
        this.associations = associations;
        this.shards = shards;
        this.batch = properties.timerBatch();
        this.activations = Counter.builder("cpor.associations.activations")
                .description("Associations this instance made active when their timer fired").register(meters);
    }

    @Scheduled(fixedDelayString = "${cpor.associations.timer-interval:PT1S}")
    void fireDue() {
        try {
            Associations.Fired fired;
            do {
                fired = associations.fireDueTimers(shards.owned(), batch).block(TIMEOUT);
                if (fired == null) {
                    return;
                }
                activations.increment(fired.activated());
            }
            while (fired.more());
        }
        catch (RuntimeException e) {
            log.warn("Firing due timers failed; trying again at the next look: {}", e.toString());
        }
    }
}
