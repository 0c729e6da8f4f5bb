package io.cpor.support.mongo;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;

/**
 * Creates every {@link StoreIndex} the service declares when it starts, before it reports ready (creating one that
 * exists is a no-op). An index on a field a query names with an equality lets the MongoDB wire server read only the
 * matching documents instead of the whole collection.
 */
public class StoreIndexes implements ApplicationRunner {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final List<StoreIndex> indexes;

    public StoreIndexes(ReactiveMongoTemplate mongo, List<StoreIndex> indexes) {
        this.mongo = mongo;
        this.indexes = indexes;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.fromIterable(indexes)
                .concatMap(index -> mongo.indexOps(index.entity()).createIndex(index.definition()))
                .then()
                .block(TIMEOUT);
    }
}
