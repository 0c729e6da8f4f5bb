package io.cpor.support.mongo;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Moves unique keys an older store kept in a collection of their own into the documents that hold them (an array
 * field under a unique index), then drops that collection. A key whose holder is not there, or no longer holds
 * anything (by {@code holding}), is dropped; one taken meanwhile by another document stays with it. A store without
 * the collection is not read at all.
 */
public final class LegacyKeys {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private LegacyKeys() {
    }

    /** A holder's id and the keys a legacy document lists for it. */
    public record Held(String holderId, List<String> keys) {
    }

    /** Answers how many keys moved, or -1 if there was no such collection. */
    public static long move(ReactiveMongoTemplate mongo, String legacy, Function<Document, Held> read,
            String collection, String field, Criteria holding) {
        if (!Boolean.TRUE.equals(mongo.collectionExists(legacy).block(TIMEOUT))) {
            return -1;
        }
        Long moved = mongo.findAll(Document.class, legacy)
                .map(read)
                .concatMap(held -> Flux.fromIterable(held.keys())
                        .concatMap(key -> mongo.updateFirst(Query.query(Criteria.where("_id").is(held.holderId())
                                        .andOperator(holding)), new Update().addToSet(field, key), collection)
                                .map(result -> result.getModifiedCount())
                                .onErrorResume(DuplicateKeyException.class, taken -> Mono.just(0L))))
                .reduce(0L, Long::sum)
                .block(TIMEOUT);
        mongo.dropCollection(legacy).block(TIMEOUT);
        return moved == null ? 0 : moved;
    }
}
