package io.cpor.support.mongo;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The indexes the service's stores declare ({@link StoreIndex} beans), created at startup. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration")
@ConditionalOnBean(ReactiveMongoTemplate.class)
public class CporMongoAutoConfiguration {

    @Bean
    StoreIndexes cporStoreIndexes(ReactiveMongoTemplate mongo, ObjectProvider<StoreIndex> indexes) {
        return new StoreIndexes(mongo, List.copyOf(indexes.orderedStream().toList()));
    }
}
