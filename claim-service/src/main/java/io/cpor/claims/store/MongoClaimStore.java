package io.cpor.claims.store;

import io.cpor.claims.domain.Claim;
import io.cpor.claims.domain.ClaimStore;
import io.cpor.claims.domain.DuplicateSubmissionException;
import io.cpor.support.mongo.ListQuery;
import io.cpor.support.mongo.Outboxes;
import io.cpor.support.mongo.StoreIndex;
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

/** {@link ClaimStore} on MongoDB. */
@Repository
class MongoClaimStore implements ClaimStore {

    private final ReactiveMongoTemplate mongo;

    MongoClaimStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The unique key that makes an idempotency key usable once per partner (sparse: most claims have none). */
    @Bean
    static StoreIndex idempotencyScopeIndex() {
        return new StoreIndex(ClaimDocument.class, new Index("idempotencyScope", Sort.Direction.ASC)
                .named("idempotency_scope").unique().sparse());
    }

    /** A partner's list reads that partner's claims only. */
    @Bean
    static StoreIndex partnerIndex() {
        return new StoreIndex(ClaimDocument.class, new Index("partnerId", Sort.Direction.ASC).named("partner_id"));
    }

    /** The relay's sweep reads only the documents with events still to publish. */
    @Bean
    static StoreIndex outboxIndex() {
        return Outboxes.pendingIndex(ClaimDocument.class);
    }

    @Override
    public Mono<Claim> insert(Claim claim) {
        return mongo.insert(ClaimDocuments.toDocument(claim))
                .map(ClaimDocuments::toClaim)
                .onErrorResume(DuplicateKeyException.class, duplicate -> claim.state().idempotency() == null
                        ? Mono.error(duplicate)
                        : mongo.findOne(Query.query(Criteria.where("idempotencyScope")
                                .is(claim.state().idempotency().scope())), ClaimDocument.class)
                                .map(ClaimDocuments::toClaim)
                                .flatMap(existing -> Mono.error(new DuplicateSubmissionException(existing))));
    }

    @Override
    public Mono<Claim> find(UUID claimId) {
        return mongo.findById(claimId.toString(), ClaimDocument.class).map(ClaimDocuments::toClaim);
    }

    @Override
    public Mono<Claim> update(Claim changed) {
        Claim.State state = changed.state();
        long revision = state.revision();
        ClaimDocument document = ClaimDocuments.toDocument(changed);
        Update update = new Update()
                .set("status", document.status())
                .set("workloads", document.workloads())
                .set("updatedAt", document.updatedAt())
                .set("declineBy", document.declineBy())
                .set("rejectionReasons", document.rejectionReasons())
                .set("informationRequest", document.informationRequest())
                .set("timeline", document.timeline())
                .set("seenEventIds", document.seenEventIds())
                .set("reviewClock", document.reviewClock())
                .set("rejectedAt", document.rejectedAt())
                .set("dispute", document.dispute())
                // What an amendment (while a validator's question is open) may change; the rest never changes.
                .set("customer.contact", document.customer().contact())
                .set("partnerContact", document.partnerContact())
                .set("technicalContact", document.technicalContact())
                .set("requestedWorkloads", document.requestedWorkloads())
                .set("proofOfExecution", document.proofOfExecution())
                .set("revision", revision + 1);
        if (!changed.newEvents().isEmpty()) {
            update.push("outbox").each(changed.newEvents().stream().map(ClaimDocuments::pending).toArray());
        }
        Query current = Query.query(Criteria.where("_id").is(state.id().toString()).and("revision").is(revision));
        return mongo.updateFirst(current, update, ClaimDocument.class)
                .filter(result -> result.getModifiedCount() == 1)
                .map(result -> changed.stored(revision + 1));
    }

    @Override
    public Flux<Claim> list(String partnerId, ClaimQuery query) {
        ListQuery list = ListQuery.of(Criteria.where("partnerId").is(partnerId), field(query.order().field()),
                query.order().ascending());
        if (query.status() != null) {
            list.where(Criteria.where("status").is(query.status().name()));
        }
        if (query.tenantId() != null) {
            list.where(Criteria.where("customer.tenantId").is(query.tenantId().toString()));
        }
        list.search(query.search(), "name", "customer.tenantId", "customer.domain", "_id");
        if (query.after() != null) {
            list.after(value(query.order().field(), query.after().value()), query.after().claimId().toString());
        }
        return mongo.find(list.query(query.limit()), ClaimDocument.class).map(ClaimDocuments::toClaim);
    }

    private static String field(ClaimStore.SortField field) {
        return switch (field) {
            case SUBMITTED_AT -> "submittedAt";
            case STATUS -> "status";
            case NAME -> "name";
        };
    }

    private static Object value(ClaimStore.SortField field, String value) {
        return field == ClaimStore.SortField.SUBMITTED_AT ? Instant.parse(value) : value;
    }

    @Override
    public Flux<Claim> withPendingEvents() {
        return mongo.find(Outboxes.pending(), ClaimDocument.class)
                .map(ClaimDocuments::toClaim);
    }

    @Override
    public Mono<Void> markPublished(Map<UUID, List<UUID>> eventIds) {
        return Outboxes.forget(mongo, ClaimDocument.class, eventIds);
    }
}
