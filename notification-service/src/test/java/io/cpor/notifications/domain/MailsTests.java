package io.cpor.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Queueing, sending, retrying and giving up, with the SMTP server and the database stood in for. */
class MailsTests {

    private static final Instant NOW = Instant.parse("2026-11-20T18:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-12-02T08:00:00Z");

    private final MemoryStore store = new MemoryStore();
    private final List<RenderedMail> sent = new ArrayList<>();
    private final List<OutgoingMail> published = new ArrayList<>();
    private final List<MailOutcome> outcomes = new ArrayList<>();
    private MailDeliveryException failure;

    private final Mails mails = new Mails(store,
            (mail, declineBy) -> new RenderedMail(mail.messageId(), mail.to(), "subject " + declineBy, "text", "html"),
            mail -> {
                if (failure != null) {
                    throw failure;
                }
                sent.add(mail);
            },
            notifiedAt -> DEADLINE, published::add, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(1),
            Duration.ofSeconds(10), new PartnerMailLimit(3, Duration.ofHours(1)), (mail, outcome) -> outcomes.add(outcome));

    @Test
    void theSameEventQueuesItsMailOnce() {
        UUID event = UUID.randomUUID();

        assertThat(mails.enqueue(customerMail(event)).block()).isTrue();
        assertThat(mails.enqueue(customerMail(event)).block()).isFalse();
        assertThat(mails.sendDue(10)).isEqualTo(1);

        assertThat(sent).hasSize(1);
        assertThat(mails.sendDue(10)).isZero();
    }

    @Test
    void customerMailGetsItsDeadlineAtSendTimeAndEmitsCustomerNotified() {
        OutgoingMail queued = customerMail(UUID.randomUUID());
        mails.enqueue(queued).block();

        mails.sendDue(10);

        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("subject " + DEADLINE);
            assertThat(mail.messageId()).isEqualTo(queued.messageId()).endsWith("@notifications.cpor>");
        });
        OutgoingMail recorded = store.get(queued.id());
        assertThat(recorded.status()).isEqualTo(MailStatus.SENT);
        assertThat(recorded.sentAt()).isEqualTo(NOW);
        assertThat(recorded.pendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.declineBy()).isEqualTo(DEADLINE);
            assertThat(event.sentAt()).isEqualTo(NOW);
            assertThat(event.messageId()).isEqualTo(queued.messageId());
            assertThat(event.causationId()).isEqualTo(queued.sourceEventId());
        });
        assertThat(published).singleElement().extracting(OutgoingMail::id).isEqualTo(queued.id());
        assertThat(outcomes).containsExactly(MailOutcome.SENT);
    }

    @Test
    void unavailableServerIsRetriedWithGrowingDelaysUpToTheMaximum() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 30).stream().map(mails::retryDelay)).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));

        OutgoingMail queued = customerMail(UUID.randomUUID());
        mails.enqueue(queued).block();
        failure = new MailDeliveryException("connection refused", false, null);

        mails.sendDue(10);

        OutgoingMail waiting = store.get(queued.id());
        assertThat(waiting.status()).isEqualTo(MailStatus.QUEUED);
        assertThat(waiting.nextAttemptAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(waiting.lastError()).isEqualTo("connection refused");
        assertThat(outcomes).containsExactly(MailOutcome.RETRY);
        assertThat(published).isEmpty();
    }

    @Test
    void addressTheServerNeverTakesFailsForGood() {
        OutgoingMail queued = customerMail(UUID.randomUUID());
        mails.enqueue(queued).block();
        failure = new MailDeliveryException("550 no such user", true, null);

        mails.sendDue(10);

        assertThat(store.get(queued.id()).status()).isEqualTo(MailStatus.FAILED);
        assertThat(outcomes).containsExactly(MailOutcome.FAILED);
        assertThat(store.get(queued.id()).nextAttemptAt()).isNull();
    }

    @Test
    void oneRefusedMailDoesNotHoldBackTheOthersOfItsBatch() {
        OutgoingMail refused = partnerMail("nobody@partner.example");
        OutgoingMail fine = partnerMail("sam@partner.example");
        Mails picky = new Mails(store, (mail, declineBy) -> new RenderedMail(mail.messageId(), mail.to(), "s", "t",
                "h"), mail -> {
                    if (mail.to().address().startsWith("nobody")) {
                        throw new MailDeliveryException("550 no such user", true, null);
                    }
                    sent.add(mail);
                }, notifiedAt -> DEADLINE, published::add, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(1),
                Duration.ofSeconds(10), new PartnerMailLimit(3, Duration.ofHours(1)), (mail, outcome) -> outcomes.add(outcome));
        picky.enqueue(refused).block();
        picky.enqueue(fine).block();

        assertThat(picky.sendDue(10)).isEqualTo(2);

        assertThat(store.get(refused.id()).status()).isEqualTo(MailStatus.FAILED);
        assertThat(store.get(fine.id()).status()).isEqualTo(MailStatus.SENT);
        assertThat(sent).extracting(mail -> mail.to().address()).containsExactly("sam@partner.example");
    }

    @Test
    void mailThatCannotBeRenderedIsKeptForARetry() {
        Mails broken = new Mails(store, (mail, declineBy) -> {
            throw new IllegalStateException("template error");
        }, sent::add, notifiedAt -> DEADLINE, published::add, Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofMinutes(1), Duration.ofSeconds(10), new PartnerMailLimit(3, Duration.ofHours(1)),
                (mail, outcome) -> outcomes.add(outcome));
        OutgoingMail queued = customerMail(UUID.randomUUID());
        broken.enqueue(queued).block();

        broken.sendDue(10);

        assertThat(store.get(queued.id()).status()).isEqualTo(MailStatus.QUEUED);
        assertThat(store.get(queued.id()).lastError()).isEqualTo("cannot render: template error");
        assertThat(outcomes).containsExactly(MailOutcome.RETRY);
        assertThat(sent).isEmpty();
    }

    @Test
    void logsNeverShowAWholeAddress() {
        assertThat(new Recipient("ana.souza@contoso.com", "Ana").masked()).isEqualTo("a***@contoso.com");
        assertThat(Recipient.maskAddressesIn("550 5.1.1 <ana.souza@contoso.com>: Recipient address rejected"))
                .isEqualTo("550 5.1.1 <a***@contoso.com>: Recipient address rejected");
    }

    private static OutgoingMail customerMail(UUID event) {
        return OutgoingMail.queue(event, UUID.randomUUID(), MailKind.CUSTOMER_ASSOCIATION_REQUEST,
                new Recipient("ana@contoso.example", "Ana Souza"), "en", Map.of("partnerName", "Fabrikam"),
                new CustomerNotice(UUID.randomUUID(), UUID.randomUUID(), "1000001"), NOW);
    }

    private static OutgoingMail partnerMail(String address) {
        return OutgoingMail.queue(UUID.randomUUID(), UUID.randomUUID(), MailKind.PARTNER_ASSOCIATION_ACTIVE,
                new Recipient(address, "Sam"), "en", Map.of("claimName", "Teams"), null, NOW);
    }

    /** The queue in memory, with the revision checks of the real one. */
    private static final class MemoryStore implements MailStore {

        private final Map<UUID, OutgoingMail> mails = new ConcurrentHashMap<>();

        OutgoingMail get(UUID id) {
            return mails.get(id);
        }

        @Override
        public Mono<Boolean> enqueue(OutgoingMail taken, Instant leaseUntil) {
            // Leased as takeDue leases: not due again before the lease ends.
            return Mono.just(mails.putIfAbsent(taken.id(), taken.retryAt(leaseUntil, taken.lastError())) == null);
        }

        @Override
        public Flux<OutgoingMail> takeDue(Instant now, Instant leaseUntil, int limit) {
            return Flux.fromStream(mails.values().stream().filter(mail -> mail.status() == MailStatus.QUEUED
                            && !mail.nextAttemptAt().isAfter(now))
                    .sorted(Comparator.comparing(OutgoingMail::nextAttemptAt)).limit(limit)
                    .map(mail -> {
                        OutgoingMail taken = new OutgoingMail(mail.id(), mail.sourceEventId(), mail.claimId(),
                                mail.kind(), mail.to(), mail.locale(), mail.model(), mail.notice(), mail.status(),
                                mail.attempts() + 1, mail.queuedAt(), mail.nextAttemptAt(), mail.lastError(),
                                mail.sentAt(), mail.declineBy(), mail.messageId(), mail.pendingEvents(),
                                mail.revision() + 1);
                        mails.put(mail.id(), taken.retryAt(leaseUntil, mail.lastError()));
                        return taken;
                    }).toList().stream());
        }

        @Override
        public Mono<OutgoingMail> record(OutgoingMail attempted) {
            mails.put(attempted.id(), attempted);
            return Mono.just(attempted);
        }

        @Override
        public Mono<Void> recordSent(List<OutgoingMail> sent) {
            sent.forEach(mail -> mails.compute(mail.id(), (id, stored) -> stored != null
                    && stored.status() == MailStatus.SENT ? stored : mail));
            return Mono.empty();
        }

        @Override
        public Mono<Depth> depth() {
            return Mono.just(new Depth(mails.values().stream().filter(m -> m.status() == MailStatus.QUEUED).count(),
                    null));
        }

        @Override
        public Flux<OutgoingMail> withPendingEvents() {
            return Flux.fromIterable(mails.values()).filter(mail -> !mail.pendingEvents().isEmpty());
        }

        @Override
        public Mono<Void> markPublished(java.util.Map<UUID, List<UUID>> eventIds) {
            return Mono.empty();
        }
    }
}
