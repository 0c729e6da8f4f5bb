package io.cpor.support.mongo;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * The outbox as every store keeps it: an aggregate's unpublished events in its own document, in an array
 * {@code outbox} whose entries have an {@code eventId}. Finding the documents with pending events reads only those
 * (through {@link #pendingIndex}), however many the collection holds; forgetting published events of many
 * aggregates is one statement.
 */
public final class Outboxes {

    private static final String EVENT_ID = "outbox.eventId";

    private Outboxes() {
    }

    /** The index over pending events, for a store to declare as a bean. */
    public static StoreIndex pendingIndex(Class<?> entity) {
        return new StoreIndex(entity, new Index(EVENT_ID, Sort.Direction.ASC).named("outbox_pending").sparse());
    }

    /** The documents with events still to publish. */
    public static Query pending() {
        return Query.query(Criteria.where(EVENT_ID).exists(true));
    }

    /** Forgets these published events (by aggregate id) in one statement. */
    public static Mono<Void> forget(ReactiveMongoTemplate mongo, Class<?> entity, Map<UUID, List<UUID>> eventIds) {
        if (eventIds.isEmpty()) {
            return Mono.empty();
        }
        List<String> aggregates = eventIds.keySet().stream().map(UUID::toString).toList();
        List<String> events = eventIds.values().stream().flatMap(List::stream).map(UUID::toString).toList();
        Update pull = new Update().pull("outbox", Query.query(Criteria.where("eventId").in(events)).getQueryObject());
        return mongo.updateMulti(Query.query(Criteria.where("_id").in(aggregates)), pull, entity).then();
    }
}
