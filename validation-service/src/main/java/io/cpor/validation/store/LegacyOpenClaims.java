package io.cpor.validation.store;

import java.time.Duration;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A store written before open claims kept their keys together has an {@code openClaims} collection, one document per
 * key: at startup its keys move to their claims' documents, and it goes. A store without it is not read at all.
 */
@Component
class LegacyOpenClaims implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacyOpenClaims.class);
    private static final String LEGACY = "openClaims";

    private final ReactiveMongoTemplate mongo;

    LegacyOpenClaims(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!Boolean.TRUE.equals(mongo.collectionExists(LEGACY).block(Duration.ofMinutes(1)))) {
            return;
        }
        Long moved = mongo.findAll(Document.class, LEGACY)
                .concatMap(key -> mongo.upsert(Query.query(Criteria.where("_id").is(key.getString("claimId"))),
                        new Update().addToSet("keys", key.getString("_id")), MongoOpenClaims.COLLECTION)
                        // Held already by a claim checked since this service started: that one holds it.
                        .onErrorResume(org.springframework.dao.DuplicateKeyException.class, held -> Mono.empty()))
                .count()
                .block(Duration.ofMinutes(10));
        mongo.dropCollection(LEGACY).block(Duration.ofMinutes(1));
        log.info("Open claims keep their keys together now: {} keys moved, the openClaims collection is gone",
                moved);
    }
}
