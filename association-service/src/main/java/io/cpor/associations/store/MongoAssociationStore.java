package io.cpor.associations.store;

import io.cpor.associations.domain.AssociationRequest;
import io.cpor.associations.domain.AssociationStatus;
import io.cpor.associations.domain.AssociationStore;
import io.cpor.associations.domain.Reservations;
import io.cpor.associations.domain.TimerShards;
import io.cpor.support.mongo.HeldKeys;
import io.cpor.support.mongo.ListQuery;
import io.cpor.support.mongo.Outboxes;
import io.cpor.support.mongo.StoreIndex;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link AssociationStore} on MongoDB: collection {@code associations}, and {@code withdrawals}. */
@Repository
class MongoAssociationStore implements AssociationStore {

    private static final String WITHDRAWALS = "withdrawals";
    /** Which {@link #updateAll} wrote the document last: its answer counts, not who. */
    private static final String WRITER = "writtenBy";

    private final ReactiveMongoTemplate mongo;
    private final TimerShards shards;

    MongoAssociationStore(ReactiveMongoTemplate mongo, TimerShards shards) {
        this.mongo = mongo;
        this.shards = shards;
    }

    /** A link's token hash finds one request. */
    @Bean
    static StoreIndex tokenHashIndex() {
        return new StoreIndex(AssociationDocument.class, new Index("tokenHash", Sort.Direction.ASC)
                .named("token_hash").unique().sparse());
    }

    /** A claim's request is looked up by the claim's id. */
    @Bean
    static StoreIndex claimIndex() {
        return new StoreIndex(AssociationDocument.class, new Index("claimId", Sort.Direction.ASC).named("claim_id"));
    }

    /** A partner's list reads that partner's requests only. */
    @Bean
    static StoreIndex partnerIndex() {
        return new StoreIndex(AssociationDocument.class, new Index("partnerId", Sort.Direction.ASC)
                .named("partner_id"));
    }

    /**
     * The requests contesting a holder are found through the holder's id: a request that lets go of its workloads
     * reads those waiting on it, not every request ever stored.
     */
    @Bean
    static StoreIndex contestedHolderIndex() {
        return new StoreIndex(AssociationDocument.class, new Index("workloads.holderRequestId", Sort.Direction.ASC)
                .named("contested_holder").sparse());
    }

    /** The relay's sweep reads only the documents with events still to publish. */
    @Bean
    static StoreIndex outboxIndex() {
        return Outboxes.pendingIndex(AssociationDocument.class);
    }

    @Override
    public Mono<AssociationRequest> insert(AssociationRequest request, List<String> holding) {
        AssociationDocument stored = AssociationDocuments.toDocument(request);
        return HeldKeys.insertHolding(mongo, stored, stored.id(), MongoReservations.KEYS, holding)
                .onErrorMap(DuplicateKeyException.class, Reservations.Held::new)
                .filter(inserted -> inserted).map(inserted -> AssociationDocuments.toRequest(stored));
    }

    @Override
    public Mono<AssociationRequest> find(UUID requestId) {
        return mongo.findById(requestId.toString(), AssociationDocument.class).map(AssociationDocuments::toRequest);
    }

    @Override
    public Mono<AssociationRequest> findByClaim(UUID claimId) {
        return mongo.findOne(Query.query(Criteria.where("claimId").is(claimId.toString())), AssociationDocument.class)
                .map(AssociationDocuments::toRequest);
    }

    @Override
    public Mono<AssociationRequest> findByTokenHash(String tokenHash) {
        return mongo.findOne(Query.query(Criteria.where("tokenHash").is(tokenHash)), AssociationDocument.class)
                .map(AssociationDocuments::toRequest);
    }

    @Override
    public Mono<AssociationRequest> update(AssociationRequest changed) {
        long revision = changed.state().revision();
        return mongo.updateFirst(current(changed), changes(changed), AssociationDocument.class)
                .filter(result -> result.getModifiedCount() == 1)
                .map(result -> changed.stored(revision + 1));
    }

    @Override
    public Flux<AssociationRequest> updateAll(List<AssociationRequest> changed, UUID writer) {
        if (changed.isEmpty()) {
            return Flux.empty();
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, AssociationDocument.class);
        changed.forEach(request -> bulk.updateOne(current(request), changes(request).set(WRITER,
                writer.toString())));
        return bulk.execute().flatMapMany(result -> {
            if (result.getModifiedCount() == changed.size()) {
                return Flux.fromIterable(changed);
            }
            // Some moved on meanwhile; which ones the answer does not say, the writer's mark does.
            List<String> ids = changed.stream().map(request -> request.requestId().toString()).toList();
            // By id alone, which the id index answers; the mark is compared here.
            Query written = Query.query(Criteria.where("_id").in(ids));
            written.fields().include(WRITER);
            return mongo.find(written, Document.class, mongo.getCollectionName(AssociationDocument.class))
                    .filter(found -> writer.toString().equals(found.getString(WRITER)))
                    .map(found -> found.getString("_id"))
                    .collect(java.util.stream.Collectors.toSet())
                    .flatMapMany(mine -> Flux.fromIterable(changed)
                            .filter(request -> mine.contains(request.requestId().toString())));
        }).map(request -> request.stored(request.state().revision() + 1));
    }

    /** The request as it was read: a step stores only over the revision it started from. */
    private static Query current(AssociationRequest changed) {
        return Query.query(Criteria.where("_id").is(changed.requestId().toString()).and("revision")
                .is(changed.state().revision()));
    }

    private Update changes(AssociationRequest changed) {
        long revision = changed.state().revision();
        AssociationDocument d = AssociationDocuments.toDocument(changed);
        Update update = new Update()
                .set("status", d.status())
                .set("notifiedEventId", d.notifiedEventId())
                .set("notifiedAt", d.notifiedAt())
                .set("declineBy", d.declineBy())
                .set("activatedAt", d.activatedAt())
                .set("declinedAt", d.declinedAt())
                .set("activationReversed", d.activationReversed())
                .set("removedAt", d.removedAt())
                .set("withdrawnAt", d.withdrawnAt())
                .set("updatedAt", d.updatedAt())
                // What an arbitration changes: the workloads' outcomes, and the link once the customer is asked.
                .set("workloads", d.workloads())
                .set("revision", revision + 1);
        if (d.tokenHash() != null) {
            // Never set to null: the token's unique index is sparse, and it skips only a missing field.
            update.set("tokenHash", d.tokenHash()).set("linkExpiresAt", d.linkExpiresAt());
        }
        if (changed.status() == AssociationStatus.AWAITING_CUSTOMER) {
            // The timer is the request's own: set while it waits, gone (not null: the indexes are sparse) after.
            update.set(MongoTimers.DUE_AT, d.declineBy()).set(MongoTimers.SHARD,
                    shards.of(changed.state().claim().tenantId()));
        }
        else {
            update.unset(MongoTimers.DUE_AT).unset(MongoTimers.SHARD);
        }
        if (!changed.newEvents().isEmpty()) {
            update.push("outbox").each(changed.newEvents().stream().map(AssociationDocuments::event).toArray());
        }
        return update;
    }

    @Override
    public Flux<AssociationRequest> contesting(UUID holderRequestId) {
        return mongo.find(Query.query(Criteria.where("status").is(AssociationStatus.CONTESTED.name())
                        .and("workloads.holderRequestId").is(holderRequestId.toString())), AssociationDocument.class)
                .map(AssociationDocuments::toRequest);
    }

    @Override
    public Flux<AssociationRequest> listForPartner(String partnerId, AssociationStore.AssociationQuery query) {
        String field = switch (query.field()) {
            case REQUESTED_AT -> "createdAt";
            case STATUS -> "status";
            case NAME -> "claimName";
        };
        ListQuery list = ListQuery.of(Criteria.where("partnerId").is(partnerId), field, query.ascending());
        if (query.tenantId() != null) {
            list.where(Criteria.where("tenantId").is(query.tenantId().toString()));
        }
        if (query.status() != null) {
            list.where(Criteria.where("status").is(query.status().name()));
        }
        list.search(query.search(), "claimName", "tenantId", "domain", "claimId");
        if (query.after() != null) {
            String value = query.after().value();
            list.after(query.field() == AssociationStore.SortField.REQUESTED_AT ? Instant.parse(value) : value,
                    query.after().requestId().toString());
        }
        return mongo.find(list.query(query.limit()), AssociationDocument.class).map(AssociationDocuments::toRequest);
    }

    @Override
    public Flux<AssociationRequest> withPendingEvents() {
        return mongo.find(Outboxes.pending(), AssociationDocument.class)
                .map(AssociationDocuments::toRequest);
    }

    @Override
    public Mono<Void> markPublished(Map<UUID, List<UUID>> eventIds) {
        return Outboxes.forget(mongo, AssociationDocument.class, eventIds);
    }

    @Override
    public Mono<Void> rememberWithdrawal(UUID claimId, Instant at) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(claimId.toString())),
                new Update().setOnInsert("withdrawnAt", at), WITHDRAWALS).then();
    }

    @Override
    public Mono<Boolean> wasWithdrawn(UUID claimId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(claimId.toString())), Document.class, WITHDRAWALS);
    }
}
