package io.cpor.associations.store;

import io.cpor.associations.domain.AssociationStatus;
import io.cpor.associations.domain.TimerShards;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A store written before timers lived in their requests has a {@code timers} collection, and its waiting requests
 * have no timer fields: at startup those requests get them (from their deadline), and the collection goes. A store
 * without that collection is not read at all.
 */
@Component
class LegacyTimers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacyTimers.class);
    private static final String COLLECTION = "timers";

    private final ReactiveMongoTemplate mongo;
    private final TimerShards shards;

    LegacyTimers(ReactiveMongoTemplate mongo, TimerShards shards) {
        this.mongo = mongo;
        this.shards = shards;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!Boolean.TRUE.equals(mongo.collectionExists(COLLECTION).block(Duration.ofMinutes(1)))) {
            return;
        }
        Query waiting = Query.query(Criteria.where("status").is(AssociationStatus.AWAITING_CUSTOMER.name())
                .and(MongoTimers.DUE_AT).exists(false));
        Long moved = mongo.find(waiting, AssociationDocument.class)
                .concatMap(request -> mongo.updateFirst(Query.query(Criteria.where("_id").is(request.id())
                                .and("status").is(AssociationStatus.AWAITING_CUSTOMER.name())),
                        new Update().set(MongoTimers.DUE_AT, request.declineBy())
                                .set(MongoTimers.SHARD, shards.of(UUID.fromString(request.tenantId()))),
                        AssociationDocument.class))
                .count()
                .block(Duration.ofMinutes(10));
        mongo.dropCollection(COLLECTION).block(Duration.ofMinutes(1));
        log.info("Timers now live in their requests: {} waiting requests got theirs, the timers collection is gone",
                moved);
    }
}
