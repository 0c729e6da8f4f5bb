package io.cpor.validation.store;

import io.cpor.support.mongo.HeldKeys;
import io.cpor.validation.domain.ReviewStatus;
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

    private final ReactiveMongoTemplate mongo;

    LegacyOpenClaims(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        Criteria open = Criteria.where("status").nin(ReviewStatus.REJECTED.name(), ReviewStatus.WITHDRAWN.name());
        HeldKeys.move(mongo, "openClaims", HeldKeys.perKey("claimId"), ReviewDocument.COLLECTION,
                MongoOpenClaims.KEYS, open);
        HeldKeys.move(mongo, "openClaimKeys", HeldKeys.perHolder(), ReviewDocument.COLLECTION, MongoOpenClaims.KEYS,
                open);
    }
}
