package io.cpor.validation.store;

import io.cpor.support.mongo.Outboxes;
import io.cpor.support.mongo.Counts;
import io.cpor.support.mongo.HeldKeys;
import io.cpor.support.mongo.StoreIndex;
import io.cpor.validation.domain.OpenClaims;
import io.cpor.validation.domain.Review;
import io.cpor.validation.domain.ReviewStatus;
import io.cpor.validation.domain.ReviewStore;
import java.time.Instant;
import java.util.List;
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

/** {@link ReviewStore} on MongoDB. */
@Repository
class MongoReviewStore implements ReviewStore {

    private final ReactiveMongoTemplate mongo;

    MongoReviewStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }


    /** Review lists and the information timers read the reviews of one status only. */
    @Bean
    static StoreIndex statusIndex() {
        return new StoreIndex(ReviewDocument.class, new Index("status", Sort.Direction.ASC).named("status"));
    }

    /** A queue of reviews (a status, oldest first) reads its page in order. */
    @Bean
    static StoreIndex queueIndex() {
        return new StoreIndex(ReviewDocument.class, new Index().on("status", Sort.Direction.ASC)
                .on("queuedAt", Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("status_queued"));
    }

    /** The relay's sweep reads only the documents with events still to publish. */
    @Bean
    static StoreIndex outboxIndex() {
        return Outboxes.pendingIndex(ReviewDocument.class);
    }

    @Override
    public Mono<Review> insert(Review review) {
        ReviewDocument stored = ReviewDocuments.toDocument(review);
        return HeldKeys.insertHolding(mongo, stored, stored.id(), MongoOpenClaims.KEYS,
                        MongoOpenClaims.keysHeldAtInsert(stored))
                .onErrorMap(DuplicateKeyException.class, OpenClaims.Held::new)
                .filter(inserted -> inserted).map(inserted -> review);
    }

    @Override
    public Mono<Review> find(UUID claimId) {
        return mongo.findById(claimId.toString(), ReviewDocument.class).map(ReviewDocuments::toReview);
    }

    @Override
    public Mono<Review> update(Review changed) {
        long revision = changed.state().revision();
        ReviewDocument d = ReviewDocuments.toDocument(changed);
        Update update = new Update()
                .set("status", d.status())
                .set("round", d.round())
                .set("exchanges", d.exchanges())
                .set("currentReviewRequestId", d.currentReviewRequestId())
                .set("queuedAt", d.queuedAt())
                .set("decidedBy", d.decidedBy())
                .set("rejectionReasons", d.rejectionReasons())
                .set("timerDueAt", d.timerDueAt())
                .set("claim", d.claim())
                .set("checks", d.checks())
                .set("dispute", d.dispute())
                .set("arbitration", d.arbitration())
                .set("seenEventIds", d.seenEventIds())
                .set("updatedAt", d.updatedAt())
                .set("revision", revision + 1);
        if (changed.status() == ReviewStatus.REJECTED || changed.status() == ReviewStatus.WITHDRAWN) {
            MongoOpenClaims.released(update);
        }
        if (!changed.newEvents().isEmpty()) {
            update.push("outbox").each(changed.newEvents().stream().map(ReviewDocuments::event).toArray());
        }
        Query current = Query.query(Criteria.where("_id").is(d.id()).and("revision").is(revision));
        return mongo.updateFirst(current, update, ReviewDocument.class)
                .filter(result -> result.getModifiedCount() == 1)
                .map(result -> changed.stored(revision + 1));
    }

    @Override
    public Flux<Review> list(ReviewStatus status, Instant afterQueuedAt, UUID afterClaimId, int limit) {
        Criteria criteria = Criteria.where("status").is(status.name());
        if (afterQueuedAt != null) {
            criteria = criteria.orOperator(Criteria.where("queuedAt").gt(afterQueuedAt),
                    Criteria.where("queuedAt").is(afterQueuedAt).and("_id").gt(afterClaimId.toString()));
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Order.asc("queuedAt"), Sort.Order.asc("_id")))
                .limit(limit), ReviewDocument.class).map(ReviewDocuments::toReview);
    }

    @Override
    public Flux<Review> dueTimers(Instant now) {
        return mongo.find(Query.query(Criteria.where("status").is(ReviewStatus.INFORMATION_REQUESTED.name())
                .and("timerDueAt").lte(now)), ReviewDocument.class).map(ReviewDocuments::toReview);
    }

    @Override
    public Mono<Backlog> backlog(ReviewStatus status) {
        Query inStatus = Query.query(Criteria.where("status").is(status.name()));
        return Counts.of(mongo, inStatus, ReviewDocument.class)
                .zipWith(mongo.find(Query.query(Criteria.where("status").is(status.name()))
                                .with(Sort.by(Sort.Order.asc("queuedAt"))).limit(1), ReviewDocument.class)
                        .map(ReviewDocument::queuedAt).next().map(java.util.Optional::of)
                        .defaultIfEmpty(java.util.Optional.empty()))
                .map(found -> new Backlog(found.getT1(), found.getT2().orElse(null)));
    }

    @Override
    public Flux<Review> withPendingEvents() {
        return mongo.find(Outboxes.pending(), ReviewDocument.class)
                .map(ReviewDocuments::toReview);
    }

    @Override
    public Mono<Void> markPublished(Map<UUID, List<UUID>> eventIds) {
        return Outboxes.forget(mongo, ReviewDocument.class, eventIds);
    }
}
