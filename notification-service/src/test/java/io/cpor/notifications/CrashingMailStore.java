package io.cpor.notifications;

import io.cpor.notifications.domain.MailStatus;
import io.cpor.notifications.domain.MailStore;
import io.cpor.notifications.domain.OutgoingMail;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The real store, except that it can be told to lose the next record of a sent mail, as if the service died after
 * the SMTP server took the mail and before the database heard of it.
 */
public final class CrashingMailStore implements MailStore {

    private final MailStore store;
    private final AtomicBoolean crashAfterNextSend = new AtomicBoolean();

    CrashingMailStore(MailStore store) {
        this.store = store;
    }

    public void crashAfterNextSend() {
        crashAfterNextSend.set(true);
    }

    @Override
    public Mono<OutgoingMail> record(OutgoingMail attempted) {
        if (attempted.status() == MailStatus.SENT && crashAfterNextSend.compareAndSet(true, false)) {
            return Mono.error(new IllegalStateException("simulated crash between the send and its record"));
        }
        return store.record(attempted);
    }

    @Override
    public Mono<Void> recordSent(List<OutgoingMail> sent) {
        if (crashAfterNextSend.compareAndSet(true, false)) {
            return Mono.error(new IllegalStateException("simulated crash between the send and its record"));
        }
        return store.recordSent(sent);
    }

    @Override
    public Mono<Boolean> enqueue(OutgoingMail taken, Instant leaseUntil) {
        return store.enqueue(taken, leaseUntil);
    }

    @Override
    public Flux<OutgoingMail> takeDue(Instant now, Instant leaseUntil, int limit) {
        return store.takeDue(now, leaseUntil, limit);
    }

    @Override
    public Mono<Depth> depth() {
        return store.depth();
    }

    @Override
    public Flux<OutgoingMail> withPendingEvents() {
        return store.withPendingEvents();
    }

    @Override
    public Mono<Void> markPublished(java.util.Map<UUID, List<UUID>> eventIds) {
        return store.markPublished(eventIds);
    }
}
