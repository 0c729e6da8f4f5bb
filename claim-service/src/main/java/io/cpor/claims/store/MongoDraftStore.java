package io.cpor.claims.store;

import io.cpor.claims.domain.Draft;
import io.cpor.claims.domain.DraftStore;
import io.cpor.support.mongo.StoreIndex;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link DraftStore} on MongoDB, in a collection of its own. */
@Repository
class MongoDraftStore implements DraftStore {

    private final ReactiveMongoTemplate mongo;

    MongoDraftStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A partner's drafts, by expiry: its list and its purge read only its own. */
    @Bean
    static StoreIndex draftPartnerIndex() {
        return new StoreIndex(DraftDocument.class, new Index().on("partnerId", Sort.Direction.ASC)
                .on("expiresAt", Sort.Direction.ASC).named("partner_expiry"));
    }

    @Override
    public Mono<Draft> insert(Draft draft) {
        return mongo.insert(document(draft)).map(MongoDraftStore::draft);
    }

    @Override
    public Mono<Draft> find(UUID draftId) {
        return mongo.findById(draftId.toString(), DraftDocument.class).map(MongoDraftStore::draft);
    }

    @Override
    public Mono<Draft> update(Draft changed) {
        Query current = Query.query(Criteria.where("_id").is(changed.id().toString())
                .and("revision").is(changed.revision()));
        Update update = new Update().set("content", changed.content()).set("updatedAt", changed.updatedAt())
                .set("expiresAt", changed.expiresAt()).set("revision", changed.revision() + 1);
        return mongo.updateFirst(current, update, DraftDocument.class)
                .filter(result -> result.getModifiedCount() == 1)
                .map(result -> new Draft(changed.id(), changed.partnerId(), changed.content(), changed.createdAt(),
                        changed.updatedAt(), changed.expiresAt(), changed.revision() + 1));
    }

    @Override
    public Mono<Void> delete(UUID draftId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(draftId.toString())), DraftDocument.class).then();
    }

    @Override
    public Flux<Draft> list(String partnerId, Instant now) {
        return mongo.find(Query.query(Criteria.where("partnerId").is(partnerId).and("expiresAt").gt(now))
                .with(Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("_id"))), DraftDocument.class)
                .map(MongoDraftStore::draft);
    }

    @Override
    public Mono<Void> purgeExpired(String partnerId, Instant now) {
        return mongo.remove(Query.query(Criteria.where("partnerId").is(partnerId).and("expiresAt").lte(now)),
                DraftDocument.class).then();
    }

    private static DraftDocument document(Draft draft) {
        return new DraftDocument(draft.id().toString(), draft.partnerId(), draft.content(), draft.createdAt(),
                draft.updatedAt(), draft.expiresAt(), draft.revision());
    }

    private static Draft draft(DraftDocument document) {
        return new Draft(UUID.fromString(document.id()), document.partnerId(), document.content(),
                document.createdAt(), document.updatedAt(), document.expiresAt(), document.revision());
    }
}
