package io.cpor.associations.store;

import java.time.Duration;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A store written before requests kept their keys together has a {@code reservations} collection, one document per
 * key: at startup its keys move to their requests' holdings, and it goes. A store without it is not read at all.
 */
@Component
class LegacyReservations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacyReservations.class);
    private static final String LEGACY = "reservations";

    private final ReactiveMongoTemplate mongo;

    LegacyReservations(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!Boolean.TRUE.equals(mongo.collectionExists(LEGACY).block(Duration.ofMinutes(1)))) {
            return;
        }
        Long moved = mongo.findAll(Document.class, LEGACY)
                .concatMap(key -> mongo.upsert(Query.query(Criteria.where("_id").is(key.getString("requestId"))),
                                new Update().addToSet("keys", key.getString("_id"))
                                        .setOnInsert("partnerId", key.getString("partnerId"))
                                        .setOnInsert("since", key.get("since")), MongoReservations.COLLECTION)
                        // Held already by a request approved since this service started: that one holds it.
                        .onErrorResume(DuplicateKeyException.class, held -> Mono.empty()))
                .count()
                .block(Duration.ofMinutes(10));
        mongo.dropCollection(LEGACY).block(Duration.ofMinutes(1));
        log.info("Requests keep their keys together now: {} keys moved, the reservations collection is gone", moved);
    }
}
