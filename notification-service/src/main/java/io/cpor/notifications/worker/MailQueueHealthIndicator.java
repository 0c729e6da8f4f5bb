package io.cpor.notifications.worker;

import io.cpor.notifications.domain.MailStore;
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
 * The queue in health ({@code mailQueue}: how many mails wait and for how long) and in metrics
 * ({@code cpor.notifications.queue.depth}, {@code cpor.notifications.queue.oldest.age}, refreshed every few seconds).
 * A long queue is not a failure of the service (the SMTP health tells whether the server answers), so it stays UP.
 */
@Component("mailQueue")
class MailQueueHealthIndicator extends AbstractReactiveHealthIndicator {

    private final MailStore store;
    private final Clock clock;
    private final AtomicLong depth = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    MailQueueHealthIndicator(MailStore store, Clock clock, MeterRegistry meters) {
        super("The mail queue cannot be read");
        this.store = store;
        this.clock = clock;
        Gauge.builder("cpor.notifications.queue.depth", depth, AtomicLong::get)
                .description("Mails queued and not yet sent").register(meters);
        Gauge.builder("cpor.notifications.queue.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("How long the oldest queued mail has waited").register(meters);
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return store.depth().map(found -> {
            builder.up().withDetail("queued", found.queued());
            if (found.oldestQueuedAt() != null) {
                builder.withDetail("oldestQueuedAt", found.oldestQueuedAt().toString())
                        .withDetail("oldestWaitingSeconds", ageSeconds(found));
            }
            return builder.build();
        });
    }

    @Scheduled(initialDelay = 5_000, fixedDelay = 5_000)
    void refreshMetrics() {
        store.depth().subscribe(found -> {
            depth.set(found.queued());
            oldestAgeSeconds.set(ageSeconds(found));
        }, failed -> { });
    }

    private long ageSeconds(MailStore.Depth found) {
        return found.oldestQueuedAt() == null ? 0
                : Math.max(0, Duration.between(found.oldestQueuedAt(), clock.instant()).toSeconds());
    }
}
