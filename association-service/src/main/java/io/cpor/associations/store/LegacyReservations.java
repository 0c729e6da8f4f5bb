package io.cpor.associations.store;

import io.cpor.associations.domain.AssociationStatus;
import io.cpor.support.mongo.HeldKeys;
import java.util.Arrays;
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

    private final ReactiveMongoTemplate mongo;

    LegacyReservations(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        Criteria holding = Criteria.where("status").in(Arrays.stream(AssociationStatus.values())
                .filter(AssociationStatus::holdsWorkloads).map(Enum::name).toList());
        HeldKeys.move(mongo, "reservations", HeldKeys.perKey("requestId"), AssociationDocument.COLLECTION,
                MongoReservations.KEYS, holding);
        HeldKeys.move(mongo, "holdings", HeldKeys.perHolder(), AssociationDocument.COLLECTION,
                MongoReservations.KEYS, holding);
    }
}
