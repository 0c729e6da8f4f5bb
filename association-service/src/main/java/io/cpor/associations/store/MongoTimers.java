package io.cpor.associations.store;

import io.cpor.associations.domain.AssociationRequest;
import io.cpor.associations.domain.Timers;
import io.cpor.support.mongo.Counts;
import io.cpor.support.mongo.StoreIndex;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link Timers} on the requests' own documents: a waiting request has {@code timerDueAt} (its deadline) and
 * {@code timerShard}, which the store sets and clears with the request's status. Both lookups read ordered indexes
 * that hold only waiting requests, so a look reads the due requests it returns and nothing else, however many
 * requests the collection holds.
 */
@Repository
class MongoTimers implements Timers {

    static final String DUE_AT = "timerDueAt";
    static final String SHARD = "timerShard";

    private final ReactiveMongoTemplate mongo;

    MongoTimers(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A shard's due timers, soonest first. */
    @Bean
    static StoreIndex timerByShardIndex() {
        return new StoreIndex(AssociationDocument.class, new Index().on(SHARD, Sort.Direction.ASC)
                .on(DUE_AT, Sort.Direction.ASC).named("timer_shard_due").sparse());
    }

    /** Every shard's overdue timers, soonest first. */
    @Bean
    static StoreIndex timerIndex() {
        return new StoreIndex(AssociationDocument.class, new Index(DUE_AT, Sort.Direction.ASC).named("timer_due")
                .sparse());
    }

    @Override
    public Flux<AssociationRequest> due(int shard, Instant now, int limit) {
        return find(Criteria.where(SHARD).is(shard).and(DUE_AT).lte(Date.from(now)), limit);
    }

    @Override
    public Flux<AssociationRequest> overdue(Instant before, int limit) {
        return find(Criteria.where(DUE_AT).lte(Date.from(before)), limit);
    }

    private Flux<AssociationRequest> find(Criteria due, int limit) {
        return mongo.find(Query.query(due).with(Sort.by(Sort.Order.asc(DUE_AT))).limit(limit),
                AssociationDocument.class).map(AssociationDocuments::toRequest);
    }

    @Override
    public Mono<Backlog> backlog(Instant now) {
        Query due = Query.query(Criteria.where(DUE_AT).lte(Date.from(now)));
        Query waiting = Query.query(Criteria.where(DUE_AT).exists(true));
        return Mono.zip(Counts.of(mongo, waiting, AssociationDocument.class),
                        Counts.of(mongo, due, AssociationDocument.class),
                        mongo.find(Query.query(Criteria.where(DUE_AT).lte(Date.from(now)))
                                        .with(Sort.by(Sort.Order.asc(DUE_AT))).limit(1), AssociationDocument.class)
                                .map(found -> Optional.ofNullable(found.declineBy())).next()
                                .defaultIfEmpty(Optional.empty()))
                .map(found -> new Backlog(found.getT1(), found.getT2(), found.getT3().orElse(null)));
    }
}
