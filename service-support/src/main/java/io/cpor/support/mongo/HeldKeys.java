package io.cpor.support.mongo;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Unique keys that documents hold themselves, in an array field under a unique sparse index: a document is stored
 * holding its keys in one write, and keys an older store kept in a collection of their own move into their holders.
 */
public final class HeldKeys {

    private static final Logger log = LoggerFactory.getLogger(HeldKeys.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private HeldKeys() {
    }

    /** A holder's id and the keys a legacy document lists for it. */
    public record Held(String holderId, List<String> keys) {
    }

    /** The older form: one document per key (its id), naming its holder in {@code holderField}. */
    public static Function<Document, Held> perKey(String holderField) {
        return key -> new Held(key.getString(holderField), List.of(key.getString("_id")));
    }

    /** The later form: one document per holder (its id), listing its keys in {@code keys}. */
    public static Function<Document, Held> perHolder() {
        return holder -> new Held(holder.getString("_id"), holder.getList("keys", String.class));
    }

    /**
     * Moves the keys of {@code legacy} into {@code collection.field}, then drops it; answers how many moved. A key
     * whose holder is not there, or no longer holds anything (by {@code holding}), is dropped; one taken meanwhile by
     * another document stays with it. A store without the collection is not read at all.
     */
    public static long move(ReactiveMongoTemplate mongo, String legacy, Function<Document, Held> read,
            String collection, String field, Criteria holding) {
        if (!Boolean.TRUE.equals(mongo.collectionExists(legacy).block(TIMEOUT))) {
            return 0;
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
        long count = moved == null ? 0 : moved;
        log.info("Keys kept apart in {} moved into {}.{} ({} keys); {} is gone", legacy, collection, field, count,
                legacy);
        return count;
    }

    /**
     * Inserts a document holding these keys in {@code field} (none: no field, as the sparse index wants): true if
     * stored, false if a document with its id exists already, {@link DuplicateKeyException} if another document
     * holds one of the keys.
     */
    public static Mono<Boolean> insertHolding(ReactiveMongoTemplate mongo, Object entity, String id,
            String field, List<String> keys) {
        Document document = new Document();
        mongo.getConverter().write(entity, document);
        if (!keys.isEmpty()) {
            document.put(field, keys);
        }
        String collection = mongo.getCollectionName(entity.getClass());
        return mongo.insert(document, collection).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, duplicate -> mongo.exists(Query.query(Criteria
                        .where("_id").is(id)), collection).flatMap(exists -> exists ? Mono.just(false)
                        : Mono.error(duplicate)));
    }
}
