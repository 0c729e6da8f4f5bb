package io.cpor.associations.timers;

import io.cpor.associations.domain.Associations;
import io.cpor.associations.domain.Timers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The decline timers in health ({@code timers}: how many wait, how many are due and not fired, how overdue the
 * oldest is) and in metrics ({@code cpor.associations.timers.due}, {@code cpor.associations.timers.oldest.overdue}).
 * A backlog is reported, not failed on: the worker works it off.
 */
@Component("timers")
class TimerHealthIndicator extends AbstractReactiveHealthIndicator {

    private final Associations associations;
    private final Clock clock;
    private final AtomicLong due = new AtomicLong();
    private final AtomicLong oldestOverdueSeconds = new AtomicLong();

    TimerHealthIndicator(Associations associations, Clock clock, MeterRegistry meters) {
        super("The timers cannot be read");
        this.associations = associations;
        this.clock = clock;
        Gauge.builder("cpor.associations.timers.due", due, AtomicLong::get)
                .description("Decline timers due and not fired yet").register(meters);
        Gauge.builder("cpor.associations.timers.oldest.overdue", oldestOverdueSeconds, AtomicLong::get)
                .baseUnit("seconds").description("How long the oldest due timer has been due").register(meters);
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return associations.timerBacklog().map(backlog -> {
            builder.up().withDetail("pending", backlog.pending()).withDetail("due", backlog.due());
            if (backlog.oldestDueAt() != null) {
                builder.withDetail("oldestDueAt", backlog.oldestDueAt().toString())
                        .withDetail("oldestOverdueSeconds", overdueSeconds(backlog));
            }
            return builder.build();
        });
    }

    @Scheduled(initialDelay = 5_000, fixedDelay = 5_000)
    void refreshMetrics() {
        associations.timerBacklog().subscribe(backlog -> {
            due.set(backlog.due());
            oldestOverdueSeconds.set(overdueSeconds(backlog));
        }, failed -> { });
    }

    private long overdueSeconds(Timers.Backlog backlog) {
        return backlog.oldestDueAt() == null ? 0
                : Math.max(0, Duration.between(backlog.oldestDueAt(), clock.instant()).toSeconds());
    }
}
