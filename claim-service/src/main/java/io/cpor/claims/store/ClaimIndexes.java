package io.cpor.claims.store;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the claims' indexes before the service reports ready. */
@Component
class ClaimIndexes implements ApplicationRunner {

    private final MongoClaimStore store;

    ClaimIndexes(MongoClaimStore store) {
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        store.createIndexes().block(Duration.ofSeconds(30));
    }
}
