package io.cpor.local.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * MongoDB's {@code serverStatus.opcounters}, which mongo-java-server does not keep: inserts and deletes count
 * documents and statements as the real server does, updates count statements, {@code findAndModify} and every other
 * command count under {@code command}. Also {@code cporWrites}: every document written or deleted, whichever command
 * did it, which is what a benchmark needs to count the writes a use case costs, and
 * {@code cporWritesByCollection}, the same by {@code database.collection}, so it can say where they go; and
 * {@code cporDocumentsExamined}, the documents queries read (MongoDB's {@code totalDocsExamined}, summed).
 */
final class OpCounters {

    private final LongAdder insert = new LongAdder();
    private final LongAdder query = new LongAdder();
    private final LongAdder update = new LongAdder();
    private final LongAdder delete = new LongAdder();
    private final LongAdder getmore = new LongAdder();
    private final LongAdder command = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder examined = new LongAdder();
    private final Map<String, LongAdder> writesByCollection = new ConcurrentHashMap<>();

    void count(String database, String name, Document body) {
        switch (name) {
            case "insert" -> {
                long documents = size(body.get("documents"));
                insert.add(documents);
                wrote(database, body.get(name), documents);
            }
            case "update" -> {
                long statements = size(body.get("updates"));
                update.add(statements);
                wrote(database, body.get(name), statements);
            }
            case "delete" -> {
                long statements = size(body.get("deletes"));
                delete.add(statements);
                wrote(database, body.get(name), statements);
            }
            case "find" -> query.increment();
            case "getMore" -> getmore.increment();
            case "findAndModify", "findandmodify" -> {
                command.increment();
                wrote(database, body.get(name), 1);
            }
            default -> command.increment();
        }
    }

    /** Documents a query read to answer (through an index, or all of a collection scanned). */
    void examined(long documents) {
        examined.add(documents);
    }

    private void wrote(String database, Object collection, long count) {
        writes.add(count);
        writesByCollection.computeIfAbsent(database + "." + collection, key -> new LongAdder()).add(count);
    }

    Document addTo(Document status) {
        Document counters = new Document();
        counters.put("insert", insert.sum());
        counters.put("query", query.sum());
        counters.put("update", update.sum());
        counters.put("delete", delete.sum());
        counters.put("getmore", getmore.sum());
        counters.put("command", command.sum());
        status.put("opcounters", counters);
        status.put("cporWrites", writes.sum());
        Document byCollection = new Document();
        new TreeMap<>(writesByCollection).forEach((collection, count) -> byCollection.put(collection, count.sum()));
        status.put("cporWritesByCollection", byCollection);
        status.put("cporDocumentsExamined", examined.sum());
        return status;
    }

    private static long size(Object list) {
        return list instanceof Collection<?> items ? items.size() : 1;
    }
}
