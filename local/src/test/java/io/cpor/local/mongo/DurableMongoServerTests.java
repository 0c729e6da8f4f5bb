package io.cpor.local.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Queries naming an {@code _id} and more go through the id index and keep MongoDB's meaning. */
class DurableMongoServerTests {

    @TempDir
    Path data;

    private DurableMongoServer server;
    private MongoClient client;
    private MongoCollection<Document> timers;

    @BeforeEach
    void start() {
        server = DurableMongoServer.start("127.0.0.1", 0, data.resolve("test.mv.db"));
        client = MongoClients.create(server.connectionString());
        timers = client.getDatabase("test").getCollection("timers");
        Mono.from(timers.insertMany(List.of(
                new Document("_id", "t1").append("state", "PENDING").append("attempts", 0),
                new Document("_id", "t2").append("state", "FIRED").append("attempts", 1),
                new Document("_id", "t3").append("state", "PENDING").append("attempts", 0)))).block();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void appliesAConditionalUpdateOnlyWhenTheGuardHolds() {
        long fired = Mono.from(timers.updateOne(new Document("_id", "t1").append("state", "PENDING"),
                Updates.set("state", "FIRED"))).block().getModifiedCount();
        long again = Mono.from(timers.updateOne(new Document("_id", "t1").append("state", "PENDING"),
                Updates.set("state", "FIRED"))).block().getModifiedCount();

        assertThat(fired).isEqualTo(1);
        assertThat(again).as("the guard no longer holds").isZero();
        assertThat(find(new Document("_id", "t1")).get(0).getString("state")).isEqualTo("FIRED");
    }

    @Test
    void takesAGuardedDocumentAtomicallyWithFindOneAndUpdate() {
        Document taken = Mono.from(timers.findOneAndUpdate(
                new Document("_id", "t3").append("state", "PENDING").append("attempts", new Document("$lt", 3)),
                Updates.combine(Updates.set("state", "LEASED"), Updates.inc("attempts", 1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).block();
        Document none = Mono.from(timers.findOneAndUpdate(new Document("_id", "t3").append("state", "PENDING"),
                Updates.set("state", "LEASED"))).block();

        assertThat(taken.getString("state")).isEqualTo("LEASED");
        assertThat(taken.getInteger("attempts")).isEqualTo(1);
        assertThat(none).isNull();
    }

    @Test
    void findsByIdAndMoreWithAProjection() {
        List<Document> found = Flux.from(timers.find(new Document("_id", "t2").append("attempts", 1))
                .projection(Projections.include("state"))).collectList().block();

        assertThat(found).singleElement().satisfies(doc -> {
            assertThat(doc.getString("state")).isEqualTo("FIRED");
            assertThat(doc.containsKey("attempts")).isFalse();
        });
        assertThat(find(new Document("_id", "t2").append("attempts", 0))).isEmpty();
        assertThat(find(new Document("_id", "nope").append("state", "FIRED"))).isEmpty();
    }

    @Test
    void appliesAGuardWrittenAsAnAndOfFiltersOnlyWhenItHolds() {
        long fired = Mono.from(timers.updateOne(Filters.and(Filters.eq("_id", "t1"), Filters.eq("state", "PENDING")),
                Updates.set("state", "FIRED"))).block().getModifiedCount();
        long again = Mono.from(timers.updateOne(Filters.and(Filters.eq("_id", "t1"), Filters.eq("state", "PENDING")),
                Updates.set("state", "FIRED"))).block().getModifiedCount();
        long deleted = Mono.from(timers.deleteOne(Filters.and(Filters.eq("state", "PENDING"), Filters.eq("_id", "t3"))))
                .block().getDeletedCount();

        assertThat(fired).isEqualTo(1);
        assertThat(again).as("the guard no longer holds").isZero();
        assertThat(deleted).isEqualTo(1);
        assertThat(find(new Document())).extracting(doc -> doc.getString("_id")).containsExactly("t1", "t2");
        assertThat(find(new Document("$and", List.of(new Document("_id", "t1"), new Document("_id", "t2")))))
                .as("two ids pinned at once match nothing").isEmpty();
    }

    @Test
    void keepsOperatorsOnTheIdWorking() {
        assertThat(find(new Document("_id", new Document("$in", List.of("t1", "t2"))).append("state", "PENDING")))
                .extracting(doc -> doc.getString("_id")).containsExactly("t1");
    }

    @Test
    void reopensTheSameFileWithEverythingInIt() {
        client.close();
        server.close();
        server = DurableMongoServer.start("127.0.0.1", 0, data.resolve("test.mv.db"));
        client = MongoClients.create(server.connectionString());
        timers = client.getDatabase("test").getCollection("timers");

        assertThat(find(new Document())).hasSize(3);
        assertThat(find(new Document("_id", "t3").append("state", "PENDING"))).hasSize(1);
    }

    @Test
    void storesEveryValueTypeTheServicesWriteAndReadsItBackAfterAReopen() {
        Document rich = new Document("_id", "rich").append("at", new java.util.Date(1_700_000_000_123L))
                .append("uuid", new org.bson.types.Binary(org.bson.BsonBinarySubType.UUID_STANDARD, new byte[16]))
                .append("count", 7).append("big", 1L << 40).append("ratio", 0.25).append("flag", true)
                .append("none", null).append("text", "Grüße, 東京")
                .append("outbox", List.of(new Document("eventId", "e1").append("payload", new org.bson.types.Binary(
                        new byte[] {0, 1, 2, (byte) 255})), new Document("eventId", "e2")))
                .append("nested", new Document("workloads", List.of("TEAMS", "INTUNE")));
        Mono.from(timers.insertOne(rich)).block();

        client.close();
        server.close();
        server = DurableMongoServer.start("127.0.0.1", 0, data.resolve("test.mv.db"));
        client = MongoClients.create(server.connectionString());
        timers = client.getDatabase("test").getCollection("timers");

        Document read = find(new Document("_id", "rich")).get(0);
        assertThat(read.toJson()).isEqualTo(rich.toJson());
    }

    @Test
    void keepsAUniqueIndexUniqueAndUsableAcrossAReopen() {
        MongoCollection<Document> claims = client.getDatabase("test").getCollection("claims");
        Mono.from(claims.createIndex(new Document("scope", 1), new IndexOptions().unique(true))).block();
        Mono.from(claims.insertMany(List.of(new Document("_id", "c1").append("scope", "p1|k1"),
                new Document("_id", "c2").append("scope", "p1|k2")))).block();

        client.close();
        server.close();
        server = DurableMongoServer.start("127.0.0.1", 0, data.resolve("test.mv.db"));
        client = MongoClients.create(server.connectionString());
        MongoCollection<Document> reopened = client.getDatabase("test").getCollection("claims");

        assertThat(Flux.from(reopened.find(new Document("scope", "p1|k2"))).collectList().block())
                .extracting(doc -> doc.getString("_id")).containsExactly("c2");
        assertThatThrownBy(() -> Mono.from(reopened.insertOne(new Document("_id", "c3").append("scope", "p1|k1")))
                .block()).isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
    }

    @Test
    void answersQueriesOnAnIndexedFieldThroughTheIndexAsTheyWereAnsweredByAScan() {
        MongoCollection<Document> mails = client.getDatabase("test").getCollection("mails");
        Mono.from(mails.insertMany(List.of(new Document("_id", "m1").append("status", "QUEUED").append("n", 1),
                new Document("_id", "m2").append("status", "SENT").append("n", 2),
                new Document("_id", "m3").append("status", List.of("QUEUED", "HELD")).append("n", 3)))).block();
        Mono.from(mails.createIndex(new Document("status", 1))).block();
        Mono.from(mails.insertOne(new Document("_id", "m4").append("status", "QUEUED").append("n", 4))).block();
        Mono.from(mails.insertOne(new Document("_id", "m5").append("n", 5))).block();

        assertThat(ids(mails, new Document("status", "QUEUED"))).containsExactly("m1", "m3", "m4");
        assertThat(ids(mails, new Document("status", "QUEUED").append("n", new Document("$gte", 3))))
                .containsExactly("m3", "m4");
        assertThat(ids(mails, new Document("status", "HELD"))).containsExactly("m3");
        assertThat(ids(mails, new Document("status", "BOUNCED"))).isEmpty();

        Mono.from(mails.updateOne(new Document("_id", "m1"), Updates.set("status", "SENT"))).block();
        Mono.from(mails.updateOne(new Document("_id", "m5"), Updates.set("status", "QUEUED"))).block();
        Mono.from(mails.deleteOne(new Document("_id", "m4"))).block();
        assertThat(ids(mails, new Document("status", "QUEUED"))).containsExactly("m3", "m5");
        assertThat(ids(mails, new Document("status", "SENT"))).containsExactly("m1", "m2");
        assertThat(Mono.from(mails.countDocuments(new Document("status", "SENT"))).block()).isEqualTo(2);

        client.close();
        server.close();
        server = DurableMongoServer.start("127.0.0.1", 0, data.resolve("test.mv.db"));
        client = MongoClients.create(server.connectionString());
        MongoCollection<Document> reopened = client.getDatabase("test").getCollection("mails");
        assertThat(ids(reopened, new Document("status", "QUEUED"))).containsExactly("m3", "m5");
    }

    private static List<String> ids(MongoCollection<Document> collection, Document query) {
        return Flux.from(collection.find(query).sort(new Document("n", 1))).map(doc -> doc.getString("_id"))
                .collectList().block();
    }

    @Test
    void opensAStoreWrittenByTheStockH2BackendAndRebuildsItsIndexes() {
        client.close();
        server.close();
        Path old = data.resolve("old.mv.db");
        MVStore store = new MVStore.Builder().fileName(old.toString()).open();
        MongoServer stock = new MongoServer(new H2Backend(store));
        String address = stock.bindAndGetConnectionString();
        try (com.mongodb.reactivestreams.client.MongoClient oldClient = MongoClients.create(address)) {
            MongoCollection<Document> claims = oldClient.getDatabase("test").getCollection("claims");
            Mono.from(claims.createIndex(new Document("scope", 1), new IndexOptions().unique(true))).block();
            Mono.from(claims.insertMany(List.of(new Document("_id", "c1").append("scope", "p1|k1").append("n", 1),
                    new Document("_id", "c2").append("scope", "p1|k2").append("n", 2)))).block();
        }
        stock.shutdown();

        server = DurableMongoServer.start("127.0.0.1", 0, old);
        client = MongoClients.create(server.connectionString());
        MongoCollection<Document> claims = client.getDatabase("test").getCollection("claims");
        Mono.from(claims.updateOne(new Document("_id", "c1").append("n", 1), Updates.set("n", 10))).block();

        assertThat(Flux.from(claims.find()).collectList().block()).extracting(doc -> doc.getInteger("n"))
                .containsExactly(10, 2);
        assertThat(Flux.from(claims.find(new Document("scope", "p1|k2"))).collectList().block()).hasSize(1);
        assertThatThrownBy(() -> Mono.from(claims.insertOne(new Document("_id", "c3").append("scope", "p1|k2")))
                .block()).isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
    }

    @Test
    void answersTheHelloCommandThatHealthChecksSend() {
        Document hello = Mono.from(client.getDatabase("admin").runCommand(new Document("hello", 1))).block();

        assertThat(hello.getDouble("ok")).isEqualTo(1.0);
        assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
        assertThat(hello.getInteger("maxWireVersion")).isGreaterThanOrEqualTo(8);
    }

    @Test
    void countsOperationsAndWrittenDocumentsInServerStatus() {
        Document before = serverStatus();

        Mono.from(timers.insertMany(List.of(new Document("_id", "c1"), new Document("_id", "c2")))).block();
        Mono.from(timers.updateOne(new Document("_id", "c1"), Updates.set("state", "DONE"))).block();
        Mono.from(timers.findOneAndUpdate(new Document("_id", "c2"), Updates.set("state", "TAKEN"))).block();
        Mono.from(timers.deleteOne(new Document("_id", "c1"))).block();
        find(new Document("_id", "c2"));

        Document after = serverStatus();
        Document counted = after.get("opcounters", Document.class);
        Document was = before.get("opcounters", Document.class);
        assertThat(counted.getLong("insert") - was.getLong("insert")).isEqualTo(2);
        assertThat(counted.getLong("update") - was.getLong("update")).isEqualTo(1);
        assertThat(counted.getLong("delete") - was.getLong("delete")).isEqualTo(1);
        assertThat(counted.getLong("query") - was.getLong("query")).isEqualTo(1);
        assertThat(after.getLong("cporWrites") - before.getLong("cporWrites")).as("2 inserted, 1 updated, 1 taken, "
                + "1 deleted").isEqualTo(5);
        assertThat(after.get("cporWritesByCollection", Document.class).getLong("test.timers")
                - before.get("cporWritesByCollection", Document.class).getLong("test.timers")).isEqualTo(5);
    }

    @Test
    void readsOnlyTheDueEntriesOfAnOrderedIndexAndStopsAtTheLimit() {
        MongoCollection<Document> due = client.getDatabase("test").getCollection("due");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Document> documents = new java.util.ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            // Inserted out of order; every tenth has no due time at all, some are due later.
            int minute = (i * 7919) % 1_000;
            Document document = new Document("_id", "d" + minute).append("shard", minute % 3);
            if (minute % 10 != 0) {
                document.append("dueAt", Date.from(start.plusSeconds(60L * minute)));
            }
            documents.add(document);
        }
        Mono.from(due.insertMany(documents)).block();
        Mono.from(due.createIndex(new Document("dueAt", 1), new IndexOptions().sparse(true))).block();
        Mono.from(due.createIndex(new Document("shard", 1).append("dueAt", 1), new IndexOptions().sparse(true)))
                .block();
        Date now = Date.from(start.plusSeconds(60L * 500));

        long before = examined();
        List<String> first = Flux.from(due.find(Filters.lte("dueAt", now)).sort(new Document("dueAt", 1)).limit(5))
                .map(document -> document.getString("_id")).collectList().block();
        long read = examined() - before;

        assertThat(first).containsExactly("d1", "d2", "d3", "d4", "d5");
        assertThat(read).as("documents read for a limit of 5 among 450 due").isEqualTo(5);
        assertThat(Mono.from(due.countDocuments(Filters.lte("dueAt", now))).block()).isEqualTo(450);
        assertThat(Flux.from(due.find(Filters.and(Filters.gt("dueAt", Date.from(start.plusSeconds(60L * 997))),
                Filters.lt("dueAt", now)))).collectList().block()).isEmpty();
        assertThat(Flux.from(due.find(Filters.gt("dueAt", Date.from(start.plusSeconds(60L * 997)))))
                .map(document -> document.getString("_id")).collectList().block()).containsExactly("d998", "d999");

        before = examined();
        List<String> shard = Flux.from(due.find(Filters.and(Filters.eq("shard", 2), Filters.lte("dueAt", now)))
                        .sort(new Document("dueAt", 1)).limit(3))
                .map(document -> document.getString("_id")).collectList().block();
        assertThat(shard).containsExactly("d2", "d5", "d8");
        assertThat(examined() - before).as("documents read for a limit of 3 in one shard").isEqualTo(3);

        Mono.from(due.updateOne(Filters.eq("_id", "d2"), Updates.unset("dueAt"))).block();
        assertThat(Flux.from(due.find(Filters.lte("dueAt", now)).sort(new Document("dueAt", 1)).limit(2))
                .map(document -> document.getString("_id")).collectList().block()).containsExactly("d1", "d3");
    }

    @Test
    void findsTheDocumentsWithAnyEntryInAnArrayOnceEach() {
        MongoCollection<Document> claims = client.getDatabase("test").getCollection("claims");
        Mono.from(claims.createIndex(new Document("outbox.eventId", 1), new IndexOptions().sparse(true))).block();
        Mono.from(claims.insertMany(List.of(
                new Document("_id", "c1").append("outbox", List.of(new Document("eventId", "e1"),
                        new Document("eventId", "e2"))),
                new Document("_id", "c2").append("outbox", List.of()),
                new Document("_id", "c3"),
                new Document("_id", "c4").append("outbox", List.of(new Document("eventId", "e3")))))).block();

        long before = examined();
        List<String> pending = Flux.from(claims.find(Filters.exists("outbox.eventId")))
                .map(document -> document.getString("_id")).collectList().block();

        assertThat(pending).containsExactlyInAnyOrder("c1", "c4");
        assertThat(examined() - before).as("only the documents with pending entries are read").isEqualTo(2);
        Mono.from(claims.updateOne(Filters.eq("_id", "c1"), Updates.pull("outbox",
                new Document("eventId", new Document("$in", List.of("e1", "e2")))))).block();
        assertThat(Flux.from(claims.find(Filters.exists("outbox.eventId"))).map(document -> document.getString("_id"))
                .collectList().block()).containsExactly("c4");
    }

    @Test
    void keepsCommittingWhileOtherCommandsUpdateDocumentsOfTheSamePages() throws Exception {
        // Documents are updated in place; a commit serializing their pages meanwhile used to fail, and the store
        // then refused every later commit.
        MongoCollection<Document> busy = client.getDatabase("test").getCollection("busy");
        MongoCollection<Document> other = client.getDatabase("test").getCollection("other");
        List<Document> documents = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            documents.add(new Document("_id", "b" + i).append("outbox", List.of()));
        }
        Mono.from(busy.insertMany(documents)).block();
        int rounds = 150;
        List<Mono<?>> work = new java.util.ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            int w = writer;
            work.add(Flux.range(0, rounds).concatMap(i -> Mono.from(busy.updateMany(new Document(),
                    Updates.push("outbox", new Document("eventId", "e" + w + "-" + i))))).then());
            work.add(Flux.range(0, rounds).concatMap(i -> Mono.from(other.insertOne(new Document("_id", w + "-" + i)
                    .append("payload", "x".repeat(512))))).then());
        }
        Mono.when(work).block(java.time.Duration.ofMinutes(2));

        assertThat(Mono.from(other.countDocuments()).block()).isEqualTo(4L * rounds);
        assertThat(Mono.from(busy.find(new Document("_id", "b7")).first()).block().getList("outbox", Document.class))
                .hasSize(4 * rounds);
        client.close();
        server.close();
        server = DurableMongoServer.start("127.0.0.1", 0, data.resolve("test.mv.db"));
        client = MongoClients.create(server.connectionString());
        assertThat(Mono.from(client.getDatabase("test").getCollection("other").countDocuments()).block())
                .as("everything acknowledged is there after a reopen").isEqualTo(4L * rounds);
    }

    private long examined() {
        return serverStatus().getLong("cporDocumentsExamined");
    }

    private Document serverStatus() {
        return Mono.from(client.getDatabase("admin").runCommand(new Document("serverStatus", 1))).block();
    }

    private List<Document> find(Document query) {
        return Flux.from(timers.find(query)).collectList().block();
    }
}
