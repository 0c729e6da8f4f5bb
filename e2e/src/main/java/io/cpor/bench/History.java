package io.cpor.bench;

import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.cpor.local.Endpoints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A history of finished claims, stored directly: every document the services keep for the claims already through
 * the pipeline, cloned until the store holds as many claims as asked. In each clone every UUID is replaced the same
 * way in all of its documents, so a clone's claim, review, mails and request still name each other and unique keys
 * stay unique; a clone has no events left to publish, and nothing still waiting (a queued mail, a timer) is cloned.
 */
final class History {

    private static final List<String> DATABASES = List.of("claims", "validations", "notifications", "associations");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final JsonWriterSettings EXACT = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final int BATCH = 500;

    /** What the seeding did. */
    record Seeded(long claims, long documents, long refused, Duration took) {
    }

    private History() {
    }

    /** Clones the stored claims until {@code claims} are stored. */
    static Seeded seed(Endpoints platform, long claims) {
        long began = System.nanoTime();
        try (MongoClient client = MongoClients.create(platform.mongoUri())) {
            Map<MongoCollection<Document>, List<String>> originals = new LinkedHashMap<>();
            for (String name : DATABASES) {
                MongoDatabase database = client.getDatabase(name);
                for (String collection : Flux.from(database.listCollectionNames()).collectList().block()) {
                    if (collection.startsWith("system.")) {
                        continue;
                    }
                    MongoCollection<Document> documents = database.getCollection(collection);
                    originals.put(documents, Flux.from(documents.find())
                            .filter(History::finished)
                            .map(document -> document.toJson(EXACT))
                            .collectList().block(Duration.ofMinutes(5)));
                }
            }
            long stored = Mono.from(client.getDatabase("claims").getCollection("claims").countDocuments()).block();
            if (stored == 0) {
                throw new IllegalStateException("History: no claims stored to clone");
            }
            long rounds = Math.max(0, (claims - stored + stored - 1) / stored);
            long documents = 0;
            long refused = 0;
            for (long round = 1; round <= rounds; round++) {
                for (Map.Entry<MongoCollection<Document>, List<String>> collection : originals.entrySet()) {
                    List<Document> batch = new ArrayList<>(BATCH);
                    for (String json : collection.getValue()) {
                        batch.add(clone(json, round));
                        if (batch.size() == BATCH) {
                            refused += insert(collection.getKey(), batch);
                            documents += batch.size();
                            batch = new ArrayList<>(BATCH);
                        }
                    }
                    if (!batch.isEmpty()) {
                        refused += insert(collection.getKey(), batch);
                        documents += batch.size();
                    }
                }
            }
            long after = Mono.from(client.getDatabase("claims").getCollection("claims").countDocuments()).block();
            return new Seeded(after, documents, refused, Duration.ofNanos(System.nanoTime() - began));
        }
    }

    /** Nothing that a worker would still pick up: a queued mail, a request whose timer runs. */
    private static boolean finished(Document document) {
        return !document.containsKey("timerDueAt") && !"QUEUED".equals(document.get("status"));
    }

    private static Document clone(String json, long round) {
        Matcher ids = UUID_TEXT.matcher(json);
        StringBuilder replaced = new StringBuilder(json.length());
        while (ids.find()) {
            UUID id = UUID.fromString(ids.group());
            ids.appendReplacement(replaced, new UUID(id.getMostSignificantBits() ^ (round * 0x9E3779B97F4A7C15L),
                    id.getLeastSignificantBits() ^ (round * 0xC2B2AE3D27D4EB4FL)).toString());
        }
        ids.appendTail(replaced);
        Document clone = Document.parse(replaced.toString());
        if (clone.containsKey("outbox")) {
            clone.put("outbox", List.of());
        }
        if (clone.get("tokenHash") instanceof String hash) {
            clone.put("tokenHash", hash + "-" + round);
        }
        return clone;
    }

    /** Inserts a batch in one command; answers how many the store refused (a unique key met again). */
    private static long insert(MongoCollection<Document> collection, List<Document> batch) {
        try {
            Mono.from(collection.insertMany(batch, new InsertManyOptions().ordered(false)))
                    .block(Duration.ofMinutes(2));
            return 0;
        }
        catch (com.mongodb.MongoBulkWriteException e) {
            return e.getWriteErrors().size();
        }
    }
}
