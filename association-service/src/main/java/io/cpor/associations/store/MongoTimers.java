package io.cpor.associations.store;

import io.cpor.associations.domain.Timers;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link Timers} on MongoDB: collection {@code timers}, one document per waiting request (its id), removed when done,
 * so the collection holds only what is still to fire. A timer is taken by a conditional update of its lease.
 */
@Repository
class MongoTimers implements Timers {

    private static final String COLLECTION = "timers";

    /** Leases taken at the same time: each is a guarded update of its own. */
    private static final int LEASES_IN_FLIGHT = 16;

    private final ReactiveMongoTemplate mongo;

    MongoTimers(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> schedule(UUID requestId, Instant dueAt) {
        Update update = new Update().set("dueAt", Date.from(dueAt)).setOnInsert("leaseUntil", null)
                .setOnInsert("revision", 0L);
        return mongo.upsert(Query.query(Criteria.where("_id").is(requestId.toString())), update, COLLECTION).then();
    }

    @Override
    public Flux<Timer> takeDue(Instant now, Instant leaseUntil, int limit) {
        Date at = Date.from(now);
        Query due = Query.query(Criteria.where("dueAt").lte(at).orOperator(Criteria.where("leaseUntil").is(null),
                Criteria.where("leaseUntil").lt(at))).with(Sort.by(Sort.Order.asc("dueAt"))).limit(limit);
        return mongo.find(due, Document.class, COLLECTION)
                .flatMap(found -> {
                    Object revision = found.get("revision");
                    Query unchanged = Query.query(Criteria.where("_id").is(found.getString("_id"))
                            .and("revision").is(revision));
                    Update lease = new Update().set("leaseUntil", Date.from(leaseUntil)).inc("revision", 1);
                    return mongo.updateFirst(unchanged, lease, COLLECTION)
                            .filter(result -> result.getModifiedCount() == 1)
                            .map(result -> new Timer(UUID.fromString(found.getString("_id")),
                                    found.getDate("dueAt").toInstant()));
                }, LEASES_IN_FLIGHT);
    }

    @Override
    public Mono<Void> cancel(UUID requestId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(requestId.toString())), COLLECTION).then();
    }

    @Override
    public Mono<Backlog> backlog(Instant now) {
        Query due = Query.query(Criteria.where("dueAt").lte(Date.from(now)));
        return Mono.zip(mongo.count(new Query(), COLLECTION), mongo.count(due, COLLECTION),
                        mongo.find(Query.query(Criteria.where("dueAt").lte(Date.from(now)))
                                        .with(Sort.by(Sort.Order.asc("dueAt"))).limit(1), Document.class, COLLECTION)
                                .map(found -> found.getDate("dueAt").toInstant()).next()
                                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                .map(found -> new Backlog(found.getT1(), found.getT2(), found.getT3().orElse(null)));
    }
}
