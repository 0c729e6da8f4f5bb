package io.cpor.local.mongo;

import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * What committing before acknowledging costs: inserts and conditional updates of ~500-byte documents per second,
 * through the reactive driver over TCP, against {@link DurableMongoServer} and against the stock H2 backend (which
 * commits in the background once a second). Not a test: run it and read the numbers.
 * <pre>
 * ./mvnw -q -pl local test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.cpor.local.mongo.MongoDurabilityBenchmark
 * </pre>
 */
public final class MongoDurabilityBenchmark {

    private static final String PAYLOAD = "x".repeat(450);

    private MongoDurabilityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        for (int clients : new int[] {1, 8}) {
            Path durableDir = Files.createTempDirectory("durable-");
            try (DurableMongoServer durable = DurableMongoServer.start("127.0.0.1", 0,
                    durableDir.resolve("bench.mv.db"))) {
                report("commit before ack", clients, durable.connectionString());
            }
            Path stockDir = Files.createTempDirectory("stock-");
            MongoServer stock = new MongoServer(new H2Backend(stockDir.resolve("bench.mv.db").toString()));
            stock.bind("127.0.0.1", 0);
            try {
                report("stock background commit", clients, "mongodb://127.0.0.1:" + stock.getLocalAddress()
                        .getPort());
            }
            finally {
                stock.shutdown();
            }
        }
    }

    private static void report(String label, int clients, String uri) throws InterruptedException {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> collection = client.getDatabase("bench").getCollection("docs");
            Mono.from(collection.insertOne(new Document("_id", "warm-up").append("n", 0))).block();
            double inserts = run(clients, 10, id -> Mono.from(collection.insertOne(
                    new Document("_id", id).append("n", 0).append("payload", PAYLOAD))).block());
            // A conditional update as the services make them: the _id and a guard on the state, implicitly ANDed.
            Document guarded = new Document("_id", "warm-up").append("n", new Document("$gte", 0));
            double updates = run(clients, 10, id -> Mono.from(collection.updateOne(guarded, Updates.inc("n", 1)))
                    .block());
            System.out.printf("%-24s %d client(s): %,6.0f inserts/s, %,6.0f conditional updates/s%n", label,
                    clients, inserts, updates);
        }
    }

    private static double run(int clients, int seconds, java.util.function.Consumer<String> operation)
            throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    operation.accept(UUID.randomUUID().toString());
                    done.incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }
}
