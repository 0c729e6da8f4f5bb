package io.cpor.local.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;

/**
 * MongoDB's {@code serverStatus.opcounters}, which mongo-java-server does not keep: inserts and deletes count
 * documents and statements as the real server does, updates count statements, {@code findAndModify} and every other
 * command count under {@code command}. Also {@code cporWrites}: every document written or deleted, whichever command
 * did it, which is what a benchmark needs to count the writes a use case costs.
 */
final class OpCounters {

    private final LongAdder insert = new LongAdder();
    private final LongAdder query = new LongAdder();
    private final LongAdder update = new LongAdder();
    private final LongAdder delete = new LongAdder();
    private final LongAdder getmore = new LongAdder();
    private final LongAdder command = new LongAdder();
    private final LongAdder writes = new LongAdder();

    void count(String name, Document body) {
        switch (name) {
            case "insert" -> {
                long documents = size(body.get("documents"));
                insert.add(documents);
                writes.add(documents);
            }
            case "update" -> {
                long statements = size(body.get("updates"));
                update.add(statements);
                writes.add(statements);
            }
            case "delete" -> {
                long statements = size(body.get("deletes"));
                delete.add(statements);
                writes.add(statements);
            }
            case "find" -> query.increment();
            case "getMore" -> getmore.increment();
            case "findAndModify", "findandmodify" -> {
                command.increment();
                writes.increment();
            }
            default -> command.increment();
        }
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
        return status;
    }

    private static long size(Object list) {
        return list instanceof Collection<?> items ? items.size() : 1;
    }
}
