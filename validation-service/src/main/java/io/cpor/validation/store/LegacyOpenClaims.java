package io.cpor.validation.store;

import io.cpor.support.mongo.LegacyKeys;
import io.cpor.validation.domain.ReviewStatus;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Stores written before reviews held their own open keys kept them apart: in {@code openClaims}, one document per key
 * naming its claim, or later in {@code openClaimKeys}, one document per claim listing its keys. At startup the keys
 * move into their reviews (a rejected or withdrawn one holds nothing) and those collections go.
 */
@Component
class LegacyOpenClaims implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacyOpenClaims.class);

    private final ReactiveMongoTemplate mongo;

    LegacyOpenClaims(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        Criteria open = Criteria.where("status").nin(ReviewStatus.REJECTED.name(), ReviewStatus.WITHDRAWN.name());
        report("openClaims", LegacyKeys.move(mongo, "openClaims", key -> new LegacyKeys.Held(
                key.getString("claimId"), List.of(key.getString("_id"))), ReviewDocument.COLLECTION,
                MongoOpenClaims.KEYS, open));
        report("openClaimKeys", LegacyKeys.move(mongo, "openClaimKeys", claim -> new LegacyKeys.Held(
                claim.getString("_id"), claim.getList("keys", String.class)), ReviewDocument.COLLECTION,
                MongoOpenClaims.KEYS, open));
    }

    private static void report(String legacy, long moved) {
        if (moved >= 0) {
            log.info("Reviews hold their own open keys now: {} keys moved from {}, which is gone", moved, legacy);
        }
    }
}
