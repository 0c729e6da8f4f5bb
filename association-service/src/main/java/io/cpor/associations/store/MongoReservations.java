package io.cpor.associations.store;

import io.cpor.associations.domain.Reservations;
import io.cpor.support.mongo.StoreIndex;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * {@link Reservations} on MongoDB: collection {@code holdings}, one document per request listing the keys (workloads,
 * subscriptions) it holds. A unique index over the keys makes the database refuse a second holder of any of them; a
 * request's keys are reserved together in one write.
 */
@Repository
class MongoReservations implements Reservations {

    static final String COLLECTION = "holdings";
    private static final String KEYS = "keys";

    private final ReactiveMongoTemplate mongo;

    MongoReservations(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A key has one holder at most. */
    @Bean
    static StoreIndex heldKeysIndex() {
        return new StoreIndex(Holding.class, new Index(KEYS, Sort.Direction.ASC).named("held_keys").unique());
    }

    @Override
    public Mono<Holder> reserve(String key, UUID requestId, String partnerId, Instant at) {
        return hold(List.of(key), requestId, partnerId, at).thenReturn(new Holder(requestId, partnerId, at))
                .onErrorResume(DuplicateKeyException.class, taken -> holder(key)
                        .switchIfEmpty(Mono.defer(() -> reserve(key, requestId, partnerId, at))));
    }

    @Override
    public Mono<Boolean> reserveAll(List<String> keys, UUID requestId, String partnerId, Instant at) {
        if (keys.isEmpty()) {
            return Mono.just(true);
        }
        return hold(keys, requestId, partnerId, at).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, taken -> Mono.just(false));
    }

    /** Adds the keys to the request's holding (made on its first key), or refuses them all if any is held. */
    private Mono<?> hold(List<String> keys, UUID requestId, String partnerId, Instant at) {
        return mongo.upsert(byRequest(requestId), new Update().addToSet(KEYS).each(keys.toArray())
                .setOnInsert("partnerId", partnerId).setOnInsert("since", at), Holding.class);
    }

    @Override
    public Mono<Boolean> takeOver(String key, Holder stale, UUID requestId, String partnerId, Instant at) {
        Query held = Query.query(Criteria.where("_id").is(stale.requestId().toString()).and(KEYS).is(key));
        return mongo.updateFirst(held, new Update().pull(KEYS, key), Holding.class)
                .flatMap(result -> result.getModifiedCount() == 0 ? Mono.just(false)
                        : reserve(key, requestId, partnerId, at).map(holder -> holder.requestId().equals(requestId)));
    }

    @Override
    public Mono<Void> release(List<String> keys, UUID requestId) {
        if (keys.isEmpty()) {
            return Mono.empty();
        }
        return mongo.updateFirst(byRequest(requestId), new Update().pullAll(KEYS, keys.toArray()), Holding.class)
                .then();
    }

    private Mono<Holder> holder(String key) {
        return mongo.findOne(Query.query(Criteria.where(KEYS).is(key)), Holding.class)
                .map(found -> new Holder(UUID.fromString(found.requestId()), found.partnerId(), found.since()));
    }

    private static Query byRequest(UUID requestId) {
        return Query.query(Criteria.where("_id").is(requestId.toString()));
    }

    /** The keys a request holds, its partner, and since when it holds any. */
    @Document(COLLECTION)
    record Holding(@Id String requestId, String partnerId, Instant since, List<String> keys) {
    }
}
