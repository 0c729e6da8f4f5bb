package io.cpor.validation.timers;

import io.cpor.validation.domain.ReviewDeadline;
import io.cpor.validation.domain.ReviewStatus;
import io.cpor.validation.domain.Reviews;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rejects claims whose information deadline passed (the deadline is stored with the review, so a timer due while
 * the service was down fires when it is back; two instances cannot both reject: the change is conditional), and
 * keeps the backlog gauges and the {@code reviews} health detail: reviews pending, overdue (past their due date) and
 * how long the oldest has waited. Overdue reviews are the validators' concern, not a fault: health stays UP.
 */
@Component
class InformationTimers {

    private final Reviews reviews;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingMillis = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    private final ReviewDeadline deadline;

    InformationTimers(Reviews reviews, Clock clock, MeterRegistry meters, ReviewDeadline deadline) {
        this.reviews = reviews;
        this.clock = clock;
        this.deadline = deadline;
        Gauge.builder("cpor.validation.reviews.overdue", overdue, AtomicLong::get)
                .description("Claims waiting for a decision past their due date").register(meters);
        Gauge.builder("cpor.validation.reviews.pending", pending, AtomicLong::get)
                .description("Claims waiting for a validator's decision").register(meters);
        Gauge.builder("cpor.validation.reviews.oldest.pending.seconds", oldestPendingMillis,
                value -> value.get() / 1000.0).description("How long the oldest pending review has waited")
                .register(meters);
    }

    @Scheduled(initialDelayString = "${cpor.validation.timer-interval:PT10S}",
            fixedDelayString = "${cpor.validation.timer-interval:PT10S}")
    void fireDue() {
        reviews.rejectOverdue().block(Duration.ofMinutes(1));
        reviews.backlog(ReviewStatus.IN_REVIEW).doOnNext(backlog -> {
            pending.set(backlog.count());
            oldestPendingMillis.set(backlog.oldestQueuedAt() == null ? 0
                    : Duration.between(backlog.oldestQueuedAt(), clock.instant()).toMillis());
        }).block(Duration.ofMinutes(1));
        reviews.overdue(deadline).doOnNext(overdue::set).block(Duration.ofMinutes(1));
    }

    /** The backlog as last measured, for the {@code reviews} health detail. */
    @Bean
    HealthIndicator reviewsHealthIndicator() {
        return () -> Health.up().withDetail("pending", pending.get()).withDetail("overdue", overdue.get())
                .withDetail("oldestPendingSeconds", oldestPendingMillis.get() / 1000).build();
    }
}
