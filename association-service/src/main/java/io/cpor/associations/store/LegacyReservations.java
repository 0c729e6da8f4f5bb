package io.cpor.associations.store;

import io.cpor.associations.domain.AssociationStatus;
import io.cpor.support.mongo.LegacyKeys;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Stores written before requests held their own keys kept them apart: in {@code reservations}, one document per
 * key naming its request, or later in {@code holdings}, one document per request listing its keys. At startup the
 * keys move into their requests (one that holds no workloads any more takes none) and those collections go.
 */
@Component
class LegacyReservations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacyReservations.class);

    private final ReactiveMongoTemplate mongo;

    LegacyReservations(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        Criteria holding = Criteria.where("status").in(Arrays.stream(AssociationStatus.values())
                .filter(AssociationStatus::holdsWorkloads).map(Enum::name).toList());
        report("reservations", LegacyKeys.move(mongo, "reservations", key -> new LegacyKeys.Held(
                key.getString("requestId"), List.of(key.getString("_id"))), AssociationDocument.COLLECTION,
                MongoReservations.KEYS, holding));
        report("holdings", LegacyKeys.move(mongo, "holdings", request -> new LegacyKeys.Held(
                request.getString("_id"), request.getList("keys", String.class)), AssociationDocument.COLLECTION,
                MongoReservations.KEYS, holding));
    }

    private static void report(String legacy, long moved) {
        if (moved >= 0) {
            log.info("Requests hold their own keys now: {} keys moved from {}, which is gone", moved, legacy);
        }
    }
}
