package io.cpor.associations.store;

import io.cpor.associations.domain.Reservations;
import io.cpor.support.mongo.StoreIndex;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * {@link Reservations} in the requests themselves: a request lists the keys (workloads, subscriptions) it holds in
 * {@value #KEYS}, and a unique index over them makes the database refuse a second holder of any of them. A request
 * holding nothing has no such field (the index is sparse).
 */
@Repository
class MongoReservations implements Reservations {

    static final String KEYS = "heldKeys";

    private final ReactiveMongoTemplate mongo;

    MongoReservations(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A key has one holder at most. */
    @Bean
    static StoreIndex heldKeysIndex() {
        return new StoreIndex(AssociationDocument.class, new Index(KEYS, Sort.Direction.ASC).named("held_keys")
                .unique().sparse());
    }

    @Override
    public Mono<Holder> holder(String key) {
        Query held = Query.query(Criteria.where(KEYS).is(key));
        held.fields().include("_id").include("partnerId");
        return mongo.findOne(held, Document.class, AssociationDocument.COLLECTION)
                .map(found -> new Holder(UUID.fromString(found.getString("_id")), found.getString("partnerId")));
    }

    @Override
    public Mono<Holder> reserve(String key, UUID requestId) {
        return mongo.updateFirst(byRequest(requestId), new Update().addToSet(KEYS, key), AssociationDocument.class)
                .flatMap(result -> holder(key))
                .onErrorResume(DuplicateKeyException.class, taken -> holder(key)
                        .switchIfEmpty(Mono.defer(() -> reserve(key, requestId))));
    }

    @Override
    public Mono<Boolean> letGo(String key, Holder stale) {
        Query held = Query.query(Criteria.where("_id").is(stale.requestId().toString()).and(KEYS).is(key));
        return mongo.updateFirst(held, new Update().pull(KEYS, key), AssociationDocument.class)
                .flatMap(result -> result.getModifiedCount() == 1 ? emptied(stale.requestId()).thenReturn(true)
                        : Mono.just(false));
    }

    @Override
    public Mono<Void> release(List<String> keys, UUID requestId) {
        if (keys.isEmpty()) {
            return Mono.empty();
        }
        return mongo.updateFirst(byRequest(requestId).addCriteria(Criteria.where(KEYS).in(keys)),
                        new Update().pullAll(KEYS, keys.toArray()), AssociationDocument.class)
                .flatMap(result -> result.getModifiedCount() == 1 ? emptied(requestId) : Mono.empty());
    }

    /** A request left holding nothing loses the field: an empty list would be a key of its own to the index. */
    private Mono<Void> emptied(UUID requestId) {
        return mongo.updateFirst(byRequest(requestId).addCriteria(Criteria.where(KEYS).size(0)),
                new Update().unset(KEYS), AssociationDocument.class).then();
    }

    private static Query byRequest(UUID requestId) {
        return Query.query(Criteria.where("_id").is(requestId.toString()));
    }
}
