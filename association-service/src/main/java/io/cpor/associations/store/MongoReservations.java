package io.cpor.associations.store;

import io.cpor.associations.domain.Reservations;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * {@link Reservations} on MongoDB: collection {@code reservations}, one document per held workload or subscription,
 * its {@code _id} the key, so the database refuses a second holder.
 */
@Repository
class MongoReservations implements Reservations {

    private static final String COLLECTION = "reservations";

    private final ReactiveMongoTemplate mongo;

    MongoReservations(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Holder> reserve(String key, UUID requestId, String partnerId, Instant at) {
        Document reservation = new Document("_id", key).append("requestId", requestId.toString())
                .append("partnerId", partnerId).append("since", Date.from(at));
        return mongo.insert(reservation, COLLECTION).thenReturn(new Holder(requestId, partnerId, at))
                .onErrorResume(DuplicateKeyException.class, taken -> holder(key)
                        .switchIfEmpty(Mono.defer(() -> reserve(key, requestId, partnerId, at))));
    }

    @Override
    public Mono<Boolean> takeOver(String key, Holder stale, UUID requestId, String partnerId, Instant at) {
        Query held = Query.query(Criteria.where("_id").is(key).and("requestId").is(stale.requestId().toString()));
        Update update = new Update().set("requestId", requestId.toString()).set("partnerId", partnerId)
                .set("since", Date.from(at));
        return mongo.updateFirst(held, update, COLLECTION).map(result -> result.getModifiedCount() == 1);
    }

    @Override
    public Mono<Void> release(String key, UUID requestId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(key).and("requestId").is(requestId.toString())),
                COLLECTION).then();
    }

    private Mono<Holder> holder(String key) {
        return mongo.findById(key, Document.class, COLLECTION)
                .map(found -> new Holder(UUID.fromString(found.getString("requestId")), found.getString("partnerId"),
                        found.getDate("since").toInstant()));
    }
}
