package io.cpor.notifications.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The mail use cases: queue a mail for an event (once per event), and send what is due. A mail the SMTP server
 * does not take is retried with growing delays until it does; one it can never take (an invalid address) fails and
 * stays in the queue's history. A customer's deadline is computed at the moment of sending.
 */
public class Mails {

    private static final Logger log = LoggerFactory.getLogger(Mails.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MailStore store;
    private final MailRenderer renderer;
    private final MailSender sender;
    private final DeclineDeadline deadline;
    private final NotificationEventsPublisher publisher;
    private final Clock clock;
    private final Duration lease;
    private final Duration maxRetryDelay;
    private final BiConsumer<OutgoingMail, MailOutcome> observer;
    private final Semaphore queued = new Semaphore(0);

    public Mails(MailStore store, MailRenderer renderer, MailSender sender, DeclineDeadline deadline,
            NotificationEventsPublisher publisher, Clock clock, Duration lease, Duration maxRetryDelay,
            BiConsumer<OutgoingMail, MailOutcome> observer) {
        this.store = store;
        this.renderer = renderer;
        this.sender = sender;
        this.deadline = deadline;
        this.publisher = publisher;
        this.clock = clock;
        this.lease = lease;
        this.maxRetryDelay = maxRetryDelay;
        this.observer = observer;
    }

    /** Queues the mail; false if the same event queued it before. A worker waiting for mail is woken. */
    public Mono<Boolean> enqueue(OutgoingMail mail) {
        return store.enqueue(mail).doOnNext(isNew -> {
            if (isNew) {
                queued.release();
            }
        });
    }

    /**
     * Sends up to {@code limit} due mails, one after another (a failed one waits for its retry, the others go on);
     * answers how many were attempted, so a worker knows whether more are waiting.
     */
    public int sendDue(int limit) {
        Instant now = now();
        List<OutgoingMail> due = store.takeDue(now, now.plus(lease), limit).collectList().block(TIMEOUT);
        if (due == null) {
            return 0;
        }
        due.forEach(this::attempt);
        return due.size();
    }

    /** Waits until a mail is queued in this process, or the time is up; true if one was. */
    public boolean awaitQueued(Duration atMost) throws InterruptedException {
        boolean woken = queued.tryAcquire(atMost.toMillis(), TimeUnit.MILLISECONDS);
        queued.drainPermits();
        return woken;
    }

    private void attempt(OutgoingMail mail) {
        Instant sentAt = now();
        Instant declineBy = mail.forCustomer() ? deadline.declineBy(sentAt) : null;
        try {
            sender.send(renderer.render(mail, declineBy));
        }
        catch (MailDeliveryException e) {
            OutgoingMail next = e.permanent() ? mail.failed(e.getMessage())
                    : mail.retryAt(sentAt.plus(retryDelay(mail.attempts())), e.getMessage());
            store.record(next).block(TIMEOUT);
            observer.accept(mail, e.permanent() ? MailOutcome.FAILED : MailOutcome.RETRY);
            log.warn("Mail {} ({}) to {} not sent (attempt {}): {}", mail.id(), mail.kind(), mail.to().masked(),
                    mail.attempts(), Recipient.maskAddressesIn(e.getMessage()));
            return;
        }
        // Between the server's acceptance and this record a crash would resend the mail, with the same Message-ID.
        OutgoingMail recorded = store.record(mail.sent(sentAt, declineBy)).block(TIMEOUT);
        if (recorded != null) {
            publisher.publishSoon(recorded);
        }
        observer.accept(mail, MailOutcome.SENT);
    }

    /** 1 s, 2 s, 4 s, ... up to the maximum. */
    Duration retryDelay(int attempts) {
        long seconds = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration delay = Duration.ofSeconds(seconds);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
