package io.cpor.notifications.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * <p>
 * A mail is queued already taken, under a lease, and handed to this process's workers in memory: its first attempt
 * costs no write to take it. Should the process stop first, the lease ends and any worker takes it from the queue.
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
    private final PartnerMailLimit partnerLimit;
    private final Semaphore queued = new Semaphore(0);
    /** Mails this process queued, taken at insert, waiting for a worker. */
    private final Queue<Handed> handed = new ConcurrentLinkedQueue<>();

    /** A mail taken at insert, and until when. */
    private record Handed(OutgoingMail mail, Instant leaseUntil) {
    }

    public Mails(MailStore store, MailRenderer renderer, MailSender sender, DeclineDeadline deadline,
            NotificationEventsPublisher publisher, Clock clock, Duration lease, Duration maxRetryDelay,
            PartnerMailLimit partnerLimit, BiConsumer<OutgoingMail, MailOutcome> observer) {
        this.store = store;
        this.renderer = renderer;
        this.sender = sender;
        this.deadline = deadline;
        this.publisher = publisher;
        this.clock = clock;
        this.lease = lease;
        this.maxRetryDelay = maxRetryDelay;
        this.observer = observer;
        this.partnerLimit = partnerLimit;
    }

    /**
     * Queues the mail, taken by this process; false if the same event queued it before. A worker waiting for mail is
     * woken.
     */
    public Mono<Boolean> enqueue(OutgoingMail mail) {
        OutgoingMail taken = mail.taken();
        Instant leaseUntil = now().plus(lease);
        return store.enqueue(taken, leaseUntil).doOnNext(isNew -> {
            if (isNew) {
                handed.offer(new Handed(taken, leaseUntil));
                queued.release();
            }
        });
    }

    /**
     * Sends up to {@code limit} due mails together (over one SMTP connection); a mail that fails waits for its retry
     * while the others go on. Answers how many were attempted, so a worker knows whether more are waiting.
     */
    public int sendDue(int limit) {
        Instant now = now();
        List<OutgoingMail> due = new ArrayList<>(limit);
        for (Handed next = handed.poll(); next != null; next = due.size() < limit ? handed.poll() : null) {
            // One whose lease is (nearly) over may be taken by another worker; from the queue, once it ends.
            if (next.leaseUntil().isAfter(now.plus(lease.dividedBy(2)))) {
                due.add(next.mail());
            }
        }
        if (due.size() < limit) {
            List<OutgoingMail> taken = store.takeDue(now, now.plus(lease), limit - due.size()).collectList()
                    .block(TIMEOUT);
            due.addAll(taken == null ? List.of() : taken);
        }
        if (due.isEmpty()) {
            return 0;
        }
        Instant sentAt = now();
        List<OutgoingMail> renderable = new ArrayList<>(due.size());
        List<RenderedMail> rendered = new ArrayList<>(due.size());
        for (OutgoingMail mail : due) {
            if (overPartnerLimit(mail, sentAt)) {
                continue;
            }
            try {
                rendered.add(renderer.render(mail, declineBy(mail, sentAt)));
                renderable.add(mail);
            }
            catch (RuntimeException e) {
                // A template fault: kept and retried, so the mail goes out once a fixed release runs.
                log.error("Mail {} ({}) cannot be rendered", mail.id(), mail.kind(), e);
                failed(mail, new MailDeliveryException("cannot render: " + e.getMessage(), false, e), sentAt);
            }
        }
        List<MailDeliveryException> outcomes = sender.sendAll(rendered);
        List<OutgoingMail> sentQuietly = new ArrayList<>();
        for (int i = 0; i < renderable.size(); i++) {
            OutgoingMail mail = renderable.get(i);
            if (outcomes.get(i) != null) {
                failed(mail, outcomes.get(i), sentAt);
                continue;
            }
            OutgoingMail sent = mail.sent(sentAt, declineBy(mail, sentAt));
            if (sent.pendingEvents().isEmpty()) {
                sentQuietly.add(sent);
            }
            else {
                sent(mail, sent);
            }
        }
        if (!sentQuietly.isEmpty()) {
            // Between the server's acceptance and this record a crash would resend them, with the same Message-ID.
            store.recordSent(sentQuietly).block(TIMEOUT);
            sentQuietly.forEach(mail -> observer.accept(mail, MailOutcome.SENT));
        }
        return due.size();
    }

    /** Waits until a mail is queued in this process, or the time is up; true if one was. */
    public boolean awaitQueued(Duration atMost) throws InterruptedException {
        boolean woken = queued.tryAcquire(atMost.toMillis(), TimeUnit.MILLISECONDS);
        queued.drainPermits();
        return woken;
    }

    /** A partner mail beyond its partner's limit waits (it is not an attempt) until the limit lets it go. */
    private boolean overPartnerLimit(OutgoingMail mail, Instant now) {
        Object partnerId = mail.model().get(OutgoingMail.PARTNER_ID);
        if (mail.forCustomer() || partnerId == null) {
            return false;
        }
        Instant allowedAt = partnerLimit.take(partnerId.toString(), now);
        if (!allowedAt.isAfter(now)) {
            return false;
        }
        store.record(mail.retryAt(allowedAt, "partner " + partnerId + " reached its mail limit")).block(TIMEOUT);
        observer.accept(mail, MailOutcome.DEFERRED);
        return true;
    }

    private Instant declineBy(OutgoingMail mail, Instant sentAt) {
        return mail.forCustomer() ? deadline.declineBy(sentAt) : null;
    }

    /** A sent mail whose record publishes an event: stored on its own, with the event. */
    private void sent(OutgoingMail mail, OutgoingMail sent) {
        // Between the server's acceptance and this record a crash would resend the mail, with the same Message-ID.
        OutgoingMail recorded = store.record(sent).block(TIMEOUT);
        if (recorded != null) {
            publisher.publishSoon(recorded);
        }
        observer.accept(mail, MailOutcome.SENT);
    }

    private void failed(OutgoingMail mail, MailDeliveryException e, Instant at) {
        OutgoingMail next = e.permanent() ? mail.failed(e.getMessage())
                : mail.retryAt(at.plus(retryDelay(mail.attempts())), e.getMessage());
        store.record(next).block(TIMEOUT);
        observer.accept(mail, e.permanent() ? MailOutcome.FAILED : MailOutcome.RETRY);
        log.warn("Mail {} ({}) to {} not sent (attempt {}): {}", mail.id(), mail.kind(), mail.to().masked(),
                mail.attempts(), Recipient.maskAddressesIn(e.getMessage()));
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
