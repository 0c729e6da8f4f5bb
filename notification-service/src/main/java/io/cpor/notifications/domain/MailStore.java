package io.cpor.notifications.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The mail queue. */
public interface MailStore {

    /**
     * Queues a mail already taken by its caller until {@code leaseUntil} (as {@link #takeDue} takes one), in the
     * same write; false if it was queued before (the same event delivered again).
     */
    Mono<Boolean> enqueue(OutgoingMail taken, Instant leaseUntil);

    /**
     * Takes up to {@code limit} queued mails due by {@code now} under a lease until {@code leaseUntil}: another
     * worker (or instance) does not take them while the lease runs; one taken by a worker that died is taken again
     * after it ends.
     */
    Flux<OutgoingMail> takeDue(Instant now, Instant leaseUntil, int limit);

    /** Stores the outcome of an attempt (sent, to retry, failed). */
    Mono<OutgoingMail> record(OutgoingMail attempted);

    /**
     * Stores that these mails, sent together and publishing nothing, were sent: in one write, whatever their
     * number. A mail recorded sent meanwhile (by a worker that took it after this one's lease) stays as it is.
     */
    Mono<Void> recordSent(List<OutgoingMail> sent);

    /** Queued mails: how many, and since when the oldest waits (null if none). */
    Mono<Depth> depth();

    Flux<OutgoingMail> withPendingEvents();

    /** Forgets published events, by aggregate id, in one write. */
    Mono<Void> markPublished(java.util.Map<UUID, java.util.List<UUID>> eventIds);

    /** A queue depth. */
    record Depth(long queued, Instant oldestQueuedAt) {
    }
}
