package io.cpor.associations.store;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the requests' indexes before the service reports ready. */
@Component
class StoreIndexes implements ApplicationRunner {

    private final MongoAssociationStore store;

    StoreIndexes(MongoAssociationStore store) {
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        store.createIndexes().block(Duration.ofSeconds(30));
    }
}
