package io.cpor.local.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server on an H2 MVStore file, durable per acknowledged command.
 * <p>
 * The stock H2 backend commits in the background once a second and ignores write concerns, so a hard kill loses
 * the last second of acknowledged writes. Here the store's auto-commit is off and every command commits before its
 * reply is written (the reply is sent after {@code handleCommand} returns). Commit writes the chunk to the file
 * without fsync: a process kill loses nothing, a power loss may.
 * <p>
 * Without auto-commit the file would grow with the volume written; a retention time of 0, auto-compaction at 90%
 * fill rate and a compaction pass every 500 ms keep it proportional to the live data (see FACTS.md and
 * {@link #compact}).
 */
public final class DurableMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DurableMongoServer.class);

    /**
     * Connections are spread over this many threads, each handling its commands one at a time up to the commit.
     * With many, commands from different connections meet at the commit and share it (group commit); with
     * Netty's default of two per core, a command waited for the commits of those queued before it on its thread.
     */
    private static final int WORKER_THREADS = 32;
    private static final int PASSES_PER_FILE_COMPACTION = 60;
    /** Decoded pages kept in memory: the services' working set, so that scans do not decode pages again. */
    private static final int CACHE_MIB = 128;
    private static final String FORMAT_MAP = "cpor.format";
    private static final String INDEX_KEY_ORDER = "mongodb-value-order";
    /** How H2Database names the map of an index: {@code <database>.<collection>._index_<name>}. */
    private static final String INDEX_MAP_INFIX = "._index_";

    private final MongoServer server;
    private final ScheduledExecutorService compaction;
    private final String connectionString;

    private DurableMongoServer(MongoServer server, ScheduledExecutorService compaction, String connectionString) {
        this.server = server;
        this.compaction = compaction;
        this.connectionString = connectionString;
    }

    /** Opens (or creates) the store at {@code file} and serves it on {@code host:port}. */
    public static DurableMongoServer start(String host, int port, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MVStore store = new MVStore.Builder()
                .fileName(file.toAbsolutePath().toString())
                .autoCommitDisabled()
                .autoCompactFillRate(90)
                .cacheSize(CACHE_MIB)
                .open();
        store.setRetentionTime(0);
        dropIndexesOfTheOldKeyOrder(store);
        ReadWriteLock pages = new ReentrantReadWriteLock();
        MongoServer server = new MongoServer(new CommitBeforeReplyBackend(store, pages));
        server.bind(new InetSocketAddress(host, port), 1, WORKER_THREADS);
        ScheduledExecutorService compaction = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mongo-compaction");
            thread.setDaemon(true);
            return thread;
        });
        AtomicLong passes = new AtomicLong();
        compaction.scheduleWithFixedDelay(() -> {
            // Compaction rewrites pages too: not while a command may be changing their documents.
            pages.writeLock().lock();
            try {
                compact(store, passes.incrementAndGet());
            }
            finally {
                pages.writeLock().unlock();
            }
        }, 500, 500, TimeUnit.MILLISECONDS);
        String address = server.getLocalAddress().getHostString() + ":" + server.getLocalAddress().getPort();
        return new DurableMongoServer(server, compaction, "mongodb://" + address);
    }

    /**
     * Unique indexes are kept in {@link IndexKeyDataType}'s order. A store written before that kept them in H2's
     * order of Java-serialized keys: those index maps go, and mongo-java-server rebuilds an index from the documents
     * when it finds it empty on opening the collection.
     */
    private static void dropIndexesOfTheOldKeyOrder(MVStore store) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        if (!INDEX_KEY_ORDER.equals(format.get("indexKeys"))) {
            store.getMapNames().stream().filter(name -> name.contains(INDEX_MAP_INFIX)).toList().forEach(name -> {
                log.info("Rebuilding index {} in MongoDB's key order", name);
                store.removeMap(name);
            });
            format.put("indexKeys", INDEX_KEY_ORDER);
            store.commit();
        }
    }

    /** {@code mongodb://host:port}, without a database. */
    public String connectionString() {
        return connectionString;
    }

    public int port() {
        return server.getLocalAddress().getPort();
    }

    /**
     * Every pass rewrites the live pages of at most 1 MiB of sparsely filled chunks, so the space of dead chunks is
     * reused; every {@link #PASSES_PER_FILE_COMPACTION}th pass also moves chunks to shrink the file. Moving chunks
     * rewrites whole chunks and blocks commits meanwhile: on every pass it took a fifth of the server's time.
     */
    private static void compact(MVStore store, long pass) {
        try {
            if (!store.isClosed()) {
                store.compact(80, 1 << 20);
                if (pass % PASSES_PER_FILE_COMPACTION == 0) {
                    store.compactFile(100);
                }
            }
        }
        catch (RuntimeException e) {
            log.debug("Compaction pass failed; the next one retries", e);
        }
    }

    @Override
    public void close() {
        compaction.shutdownNow();
        try {
            compaction.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutdown();
    }

    /** The H2 backend, committing the store after each command and before the reply goes out. */
    private static final class CommitBeforeReplyBackend extends H2Backend {

        /** Commands that change documents (every other one only reads). */
        private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify",
                "findandmodify", "createIndexes", "dropIndexes", "drop", "dropDatabase", "create",
                "renameCollection");
        private static final Lock NO_LOCK = new NoLock();

        private final OpCounters counters = new OpCounters();
        private final ReadWriteLock pages;

        CommitBeforeReplyBackend(MVStore store, ReadWriteLock pages) {
            super(store);
            this.pages = pages;
        }

        /**
         * Commands that write run side by side (sharing the lock); a commit, which serializes the changed pages,
         * runs without them.
         * mongo-java-server updates a stored document in place, so a commit serializing a page while another
         * command updates one of its documents failed ({@code ConcurrentModificationException}) and left the store
         * refusing every later commit. One commit covers every command that finished before it (group commit).
         */
        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            // Reads change no document: they run whatever a commit does, so a long scan holds up no commit.
            Lock changing = WRITES.contains(command) ? pages.readLock() : NO_LOCK;
            changing.lock();
            try {
                counters.count(databaseName, command, query);
                if ("hello".equalsIgnoreCase(command)) {
                    return hello(channel, databaseName, query);
                }
                if ("serverStatus".equalsIgnoreCase(command)) {
                    return counters.addTo(super.handleCommand(channel, databaseName, command, query));
                }
                return super.handleCommand(channel, databaseName, command, query);
            }
            finally {
                changing.unlock();
                if (getMvStore().hasUnsavedChanges()) {
                    pages.writeLock().lock();
                    try {
                        if (getMvStore().hasUnsavedChanges()) {
                            getMvStore().commit();
                        }
                    }
                    finally {
                        pages.writeLock().unlock();
                    }
                }
            }
        }

        /** A lock that is always free, for commands that only read. */
        private static final class NoLock implements Lock {

            @Override
            public void lock() {
            }

            @Override
            public void lockInterruptibly() {
            }

            @Override
            public boolean tryLock() {
                return true;
            }

            @Override
            public boolean tryLock(long time, TimeUnit unit) {
                return true;
            }

            @Override
            public void unlock() {
            }

            @Override
            public java.util.concurrent.locks.Condition newCondition() {
                throw new UnsupportedOperationException();
            }
        }

        /**
         * MongoDB 4.4.2 renamed {@code isMaster} to {@code hello}; mongo-java-server answers only the old name, and
         * health checks (Spring Boot's among them) send the new one.
         */
        private Document hello(Channel channel, String databaseName, Document query) {
            Document answer = super.handleCommand(channel, databaseName, "isMaster", query);
            Document hello = new Document();
            answer.forEach(hello::put);
            hello.put("isWritablePrimary", Boolean.TRUE);
            return hello;
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new IdFirstDatabase(databaseName);
        }

        /**
         * A database whose collections store documents as BSON and look a document up by its id before matching the
         * rest of a query, whose unique indexes order their keys as MongoDB does, and whose other indexes exist
         * ({@link SecondaryIndex}) instead of being ignored.
         */
        private final class IdFirstDatabase extends H2Database {

            IdFirstDatabase(String databaseName) {
                super(databaseName, getMvStore(), getCursorRegistry());
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                    List<IndexKey> keys, boolean sparse) {
                return new OrderedUniqueIndex(indexMap(collectionName, indexName), indexName, keys, sparse);
            }

            @Override
            protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                    List<IndexKey> keys, boolean sparse) {
                return new SecondaryIndex(indexMap(collectionName, indexName), indexName, keys, sparse);
            }

            /** The map of an index, by the name H2Database gives it, its keys in MongoDB's order. */
            private <V> MVMap<KeyValue, V> indexMap(String collectionName, String indexName) {
                return getMvStore().openMap(getFullCollectionNamespace(collectionName) + INDEX_MAP_INFIX + indexName,
                        new MVMap.Builder<KeyValue, V>().keyType(IndexKeyDataType.INSTANCE));
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                // The map names H2Database gives a collection, so stores written by either open with either.
                String namespace = getFullCollectionNamespace(collectionName);
                MVMap<Object, Document> documents = getMvStore().openMap("databases." + namespace,
                        new MVMap.Builder<Object, Document>().valueType(DocumentDataType.INSTANCE));
                return new IdFirstCollection(this, collectionName, options, documents,
                        getMvStore().openMap("meta." + namespace), cursorRegistry, counters);
            }
        }
    }

    /**
     * mongo-java-server uses an index only when a query names exactly the index's keys, so a conditional update
     * such as {@code {_id: x, state: "PENDING"}} scanned the whole collection (519 updates/s at 10,000 documents,
     * falling as the collection grows), and so did {@code {$and: [{_id: x}, {state: "PENDING"}]}}, the form the
     * driver's {@code Filters.and} sends (about 800/s at 5,000 documents against 4,000-6,800/s by id). Here a query
     * that pins a plain {@code _id}, at its top level or in a top-level {@code $and}, finds that document through
     * the id index first and then matches the whole query against it.
     * <p>
     * A sorted query that a {@link SecondaryIndex} answers in the order asked reads the documents in that order and
     * stops at its limit. Every document read for a query is counted ({@code cporDocumentsExamined}).
     */
    private static final class IdFirstCollection extends H2Collection {

        private final OpCounters counters;
        private final List<SecondaryIndex> secondaryIndexes = new CopyOnWriteArrayList<>();

        IdFirstCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry,
                OpCounters counters) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
            this.counters = counters;
        }

        @Override
        public void addIndex(Index<Object> index) {
            super.addIndex(index);
            if (index instanceof SecondaryIndex secondary && secondaryIndexes.stream()
                    .noneMatch(known -> known.getName().equals(secondary.getName()))) {
                secondaryIndexes.add(secondary);
            }
        }

        @Override
        public void dropIndex(String indexName) {
            super.dropIndex(indexName);
            secondaryIndexes.removeIf(index -> index.getName().equals(indexName));
        }

        @Override
        protected Document getDocument(Object position) {
            examined(1);
            return super.getDocument(position);
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            // No index answers: every document is read.
            examined(count());
            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /** The collection's constructor reads its own metadata before this class has its counters. */
        private void examined(long documents) {
            if (counters != null) {
                counters.examined(documents);
            }
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            Object id = pinnedId(query);
            if (id == null && orderBy != null && !orderBy.isEmpty()) {
                // The index fixing the most fields reads the fewest documents.
                SecondaryIndex best = secondaryIndexes.stream().filter(index -> index.yieldsInOrder(query, orderBy))
                        .max(java.util.Comparator.comparingInt(index -> index.fixedFields(query))).orElse(null);
                if (best != null) {
                    return matchDocuments(query, best.getPositions(query), null, numberToSkip, limit, batchSize,
                            fieldSelector);
                }
            }
            if (id == null || numberToSkip > 0 || query.size() == 1 && query.containsKey("_id")) {
                // Nothing pinned, or exactly {_id: x}, which the id index answers by itself.
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            Document byId = new Document("_id", id);
            for (Document document : super.queryDocuments(byId, null, 0, 0, 0, null)) {
                if (documentMatchesQuery(document, query)) {
                    return fieldSelector == null || fieldSelector.isEmpty() ? new QueryResult(List.of(document))
                            : super.queryDocuments(byId, null, 0, 0, 0, fieldSelector);
                }
            }
            return new QueryResult();
        }

        /** The one {@code _id} value a query requires, or null when it does not pin one. */
        private static Object pinnedId(Document query) {
            Object id = query.get("_id");
            if (id != null) {
                return id instanceof Document || id instanceof Collection<?>
                        || BsonRegularExpression.isRegularExpression(id) ? null : id;
            }
            if (query.get("$and") instanceof List<?> clauses) {
                for (Object clause : clauses) {
                    Object pinned = clause instanceof Document conjunct ? pinnedId(conjunct) : null;
                    if (pinned != null) {
                        return pinned;
                    }
                }
            }
            return null;
        }
    }
}
