package io.cpor.notifications.store;

import io.cpor.notifications.domain.CustomerNotice;
import io.cpor.notifications.domain.CustomerNotified;
import io.cpor.notifications.domain.MailKind;
import io.cpor.notifications.domain.MailStatus;
import io.cpor.notifications.domain.MailStore;
import io.cpor.notifications.domain.OutgoingMail;
import io.cpor.notifications.domain.Recipient;
import io.cpor.notifications.store.MailDocument.EventDocument;
import io.cpor.notifications.store.MailDocument.NoticeDocument;
import io.cpor.notifications.store.MailDocument.RecipientDocument;
import io.cpor.support.mongo.Outboxes;
import io.cpor.support.mongo.Counts;
import io.cpor.support.mongo.StoreIndex;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link MailStore} on MongoDB. */
@Repository
class MongoMailStore implements MailStore {

    private final ReactiveMongoTemplate mongo;

    MongoMailStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }


    /** The worker looks for queued mails among all mails ever sent: by their status, it reads only those. */
    @Bean
    static StoreIndex statusIndex() {
        return new StoreIndex(MailDocument.class, new Index("status", Sort.Direction.ASC).named("status"));
    }

    /** The relay's sweep reads only the documents with events still to publish. */
    @Bean
    static StoreIndex outboxIndex() {
        return Outboxes.pendingIndex(MailDocument.class);
    }

    /** The worker's look for due mail reads the due ones in order, as many as it takes. */
    @Bean
    static StoreIndex dueIndex() {
        return new StoreIndex(MailDocument.class, new Index().on("status", Sort.Direction.ASC)
                .on("nextAttemptAt", Sort.Direction.ASC).named("status_next_attempt"));
    }

    @Override
    public Mono<Boolean> enqueue(OutgoingMail taken, Instant leaseUntil) {
        return mongo.insert(document(taken, leaseUntil)).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(false));
    }

    @Override
    public Flux<OutgoingMail> takeDue(Instant now, Instant leaseUntil, int limit) {
        Query due = Query.query(Criteria.where("status").is(MailStatus.QUEUED.name()).and("nextAttemptAt").lte(now)
                        .orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(now)))
                .with(Sort.by(Sort.Order.asc("nextAttemptAt"))).limit(limit);
        return mongo.find(due, MailDocument.class)
                .concatMap(found -> mongo.updateFirst(Query.query(Criteria.where("_id").is(found.id())
                                .and("revision").is(found.revision())),
                        new Update().set("leaseUntil", leaseUntil).inc("attempts", 1).inc("revision", 1),
                        MailDocument.class)
                        .filter(result -> result.getModifiedCount() == 1)
                        .map(result -> leased(mail(found))));
    }

    @Override
    public Mono<OutgoingMail> record(OutgoingMail attempted) {
        MailDocument d = document(attempted, null);
        Update update = new Update().set("status", d.status()).set("nextAttemptAt", d.nextAttemptAt())
                .set("leaseUntil", null).set("lastError", d.lastError()).set("sentAt", d.sentAt())
                .set("declineBy", d.declineBy()).set("revision", attempted.revision() + 1);
        if (!attempted.pendingEvents().isEmpty()) {
            update.push("outbox").each(d.outbox().toArray());
        }
        if (attempted.status() == MailStatus.SENT) {
            update.unset("model." + OutgoingMail.DECLINE_URL);
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(d.id()).and("revision")
                        .is(attempted.revision())), update, MailDocument.class)
                .filter(result -> result.getModifiedCount() == 1)
                .map(result -> withRevision(attempted, attempted.revision() + 1));
    }

    @Override
    public Mono<Void> recordSent(List<OutgoingMail> sent) {
        if (sent.isEmpty()) {
            return Mono.empty();
        }
        // One statement for all: what it sets is the same for each, as they were sent together.
        Instant sentAt = sent.get(0).sentAt();
        Query unrecorded = Query.query(Criteria.where("_id").in(sent.stream().map(mail -> mail.id().toString())
                .toList()).and("status").ne(MailStatus.SENT.name()));
        Update update = new Update().set("status", MailStatus.SENT.name()).set("nextAttemptAt", null)
                .set("leaseUntil", null).set("lastError", null).set("sentAt", sentAt).set("declineBy", null)
                .unset("model." + OutgoingMail.DECLINE_URL).inc("revision", 1);
        return mongo.updateMulti(unrecorded, update, MailDocument.class).then();
    }

    @Override
    public Mono<Depth> depth() {
        Query queued = Query.query(Criteria.where("status").is(MailStatus.QUEUED.name()));
        return Counts.of(mongo, queued, MailDocument.class)
                .zipWith(mongo.find(Query.query(Criteria.where("status").is(MailStatus.QUEUED.name()))
                                .with(Sort.by(Sort.Order.asc("queuedAt"))).limit(1), MailDocument.class)
                        .map(MailDocument::queuedAt).next().map(Optional::of).defaultIfEmpty(Optional.empty()))
                .map(found -> new Depth(found.getT1(), found.getT2().orElse(null)));
    }

    @Override
    public Flux<OutgoingMail> withPendingEvents() {
        return mongo.find(Outboxes.pending(), MailDocument.class)
                .map(MongoMailStore::mail);
    }

    @Override
    public Mono<Void> markPublished(Map<UUID, List<UUID>> eventIds) {
        return Outboxes.forget(mongo, MailDocument.class, eventIds);
    }

    /** As taken by {@link #takeDue}: one more attempt, one more revision. */
    private static OutgoingMail leased(OutgoingMail mail) {
        return new OutgoingMail(mail.id(), mail.sourceEventId(), mail.claimId(), mail.kind(), mail.to(),
                mail.locale(), mail.model(), mail.notice(), mail.status(), mail.attempts() + 1, mail.queuedAt(),
                mail.nextAttemptAt(), mail.lastError(), mail.sentAt(), mail.declineBy(), mail.messageId(),
                mail.pendingEvents(), mail.revision() + 1);
    }

    private static OutgoingMail withRevision(OutgoingMail mail, long revision) {
        return new OutgoingMail(mail.id(), mail.sourceEventId(), mail.claimId(), mail.kind(), mail.to(),
                mail.locale(), mail.model(), mail.notice(), mail.status(), mail.attempts(), mail.queuedAt(),
                mail.nextAttemptAt(), mail.lastError(), mail.sentAt(), mail.declineBy(), mail.messageId(),
                mail.pendingEvents(), revision);
    }

    private static MailDocument document(OutgoingMail m, Instant leaseUntil) {
        CustomerNotice notice = m.notice();
        return new MailDocument(m.id().toString(), m.sourceEventId().toString(), m.claimId().toString(),
                m.kind().name(), new RecipientDocument(m.to().address(), m.to().name()), m.locale(), m.model(),
                notice == null ? null : new NoticeDocument(notice.requestId().toString(),
                        notice.tenantId().toString(), notice.partnerId()),
                m.status().name(), m.attempts(), m.queuedAt(), m.nextAttemptAt(), leaseUntil, m.lastError(),
                m.sentAt(), m.declineBy(), m.messageId(), m.pendingEvents().stream().map(event -> new EventDocument(
                        event.eventId().toString(), event.occurredAt(), event.causationId().toString(),
                        event.sentAt(), event.declineBy(), event.messageId())).toList(),
                m.revision());
    }

    private static OutgoingMail mail(MailDocument d) {
        CustomerNotice notice = d.notice() == null ? null : new CustomerNotice(UUID.fromString(
                d.notice().requestId()), UUID.fromString(d.notice().tenantId()), d.notice().partnerId());
        UUID source = UUID.fromString(d.sourceEventId());
        UUID claimId = UUID.fromString(d.claimId());
        List<CustomerNotified> events = (d.outbox() == null ? List.<EventDocument>of() : d.outbox()).stream()
                .map(e -> new CustomerNotified(UUID.fromString(e.eventId()), e.occurredAt(),
                        UUID.fromString(e.causationId()), claimId, notice, e.sentAt(), e.declineBy(), e.messageId()))
                .toList();
        return new OutgoingMail(UUID.fromString(d.id()), source, claimId, MailKind.valueOf(d.kind()),
                new Recipient(d.to().address(), d.to().name()), d.locale(), d.model() == null ? java.util.Map.of()
                        : d.model(), notice, MailStatus.valueOf(d.status()), d.attempts(), d.queuedAt(),
                d.nextAttemptAt(), d.lastError(), d.sentAt(), d.declineBy(), d.messageId(), events, d.revision());
    }
}
