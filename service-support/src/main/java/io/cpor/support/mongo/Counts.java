package io.cpor.support.mongo;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/**
 * Counting what a query matches by reading the matches' ids, through the query's index. The driver's
 * {@code countDocuments} is an aggregation, and the local wire server answers an aggregation's {@code $match} by
 * reading the whole collection: a gauge counting what is pending would read every document ever stored, each time.
 */
public final class Counts {

    private Counts() {
    }

    /** How many documents of the entity's collection the query matches. */
    public static Mono<Long> of(ReactiveMongoTemplate mongo, Query query, Class<?> entity) {
        Query ids = Query.of(query);
        ids.fields().include("_id");
        return mongo.find(ids, Document.class, mongo.getCollectionName(entity)).count();
    }
}
