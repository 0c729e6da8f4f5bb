package io.cpor.local.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A non-unique index, which mongo-java-server does not have (it accepts the index and ignores it, so every query on
 * the field scanned the collection). Each entry's key is the document's indexed values followed by its id, ordered
 * as MongoDB orders values ({@link IndexKeyDataType}); arrays give one entry per element.
 * <p>
 * A query with equalities on the index's leading fields, and optionally a range ({@code $gt}, {@code $gte},
 * {@code $lt}, {@code $lte}, {@code $exists: true}) on the field after them, whatever else it asks, reads only the
 * entries in that range, in the index's order and one at a time; the collection then matches the whole query against
 * each document. So a query sorted by the range's field takes the documents in order and stops at its limit
 * ({@link #yieldsInOrder}) instead of reading and sorting every match.
 */
final class SecondaryIndex extends Index<Object> {

    private static final String ID = "_id";

    private final MVMap<KeyValue, Boolean> map;

    SecondaryIndex(MVMap<KeyValue, Boolean> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    @Override
    public boolean canHandle(Document query) {
        return scan(query) != null;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        Scan scan = scan(query);
        return () -> new Positions(scan);
    }

    /** How many of the index's leading fields the query fixes by equality (0 when it cannot answer it). */
    int fixedFields(Document query) {
        Scan scan = scan(query);
        return scan == null ? 0 : scan.equal().size();
    }

    /**
     * Whether {@link #getPositions} yields the query's documents in the order asked: ascending by the fields after
     * those the query fixes by equality (a document with an array comes at its smallest element, as MongoDB sorts).
     */
    boolean yieldsInOrder(Document query, Document orderBy) {
        Scan scan = scan(query);
        if (scan == null || orderBy == null || orderBy.isEmpty()) {
            return false;
        }
        List<String> fields = keys();
        int next = 0;
        for (Map.Entry<String, Object> order : orderBy.entrySet()) {
            int position = fields.indexOf(order.getKey());
            if (position >= 0 && position < scan.equal().size()) {
                continue;
            }
            int wanted = scan.equal().size() + next;
            if (wanted >= fields.size() || !fields.get(wanted).equals(order.getKey())
                    || !getKeys().get(wanted).isAscending() || !(order.getValue() instanceof Number direction)
                    || direction.intValue() != 1) {
                return false;
            }
            next++;
        }
        return true;
    }

    /**
     * The entries a query needs: the values of the leading fields it fixes, and the range of the field after them
     * (null: every value). Null if the query fixes or bounds no leading field.
     */
    private Scan scan(Document query) {
        Map<String, Object> conditions = conditions(query, new java.util.HashMap<>());
        List<Object> equal = new ArrayList<>();
        List<String> fields = keys();
        for (String field : fields) {
            Object condition = conditions.get(field);
            if (isValue(condition)) {
                equal.add(normalized(field, condition));
                continue;
            }
            Range range = Range.of(condition);
            if (range == null && equal.isEmpty()) {
                return null;
            }
            return new Scan(equal, range);
        }
        return new Scan(equal, null);
    }

    /**
     * The conditions a query sets on its fields, at its top level and in a top-level {@code $and} (the form the
     * driver's {@code Filters.and} sends); the first one of a field that has several (the rest narrow it further).
     */
    private static Map<String, Object> conditions(Map<?, ?> query, Map<String, Object> conditions) {
        query.forEach((field, condition) -> {
            if ("$and".equals(field) && condition instanceof Collection<?> clauses) {
                clauses.forEach(clause -> {
                    if (clause instanceof Map<?, ?> conjunct) {
                        conditions(conjunct, conditions);
                    }
                });
            }
            else {
                conditions.putIfAbsent(String.valueOf(field), condition);
            }
        });
        return conditions;
    }

    private static boolean isValue(Object condition) {
        return condition != null && !(condition instanceof Missing) && !(condition instanceof Map<?, ?>)
                && !(condition instanceof Collection<?>) && !BsonRegularExpression.isRegularExpression(condition);
    }

    /** A value as the index keeps it. */
    private Object normalized(String field, Object value) {
        Document document = new Document();
        List<String> path = List.of(field.split("\\."));
        Document level = document;
        for (int i = 0; i < path.size() - 1; i++) {
            Document inner = new Document();
            level.put(path.get(i), inner);
            level = inner;
        }
        level.put(path.get(path.size() - 1), value);
        return getKeyValues(document).iterator().next().get(keys().indexOf(field));
    }

    /** Fixed leading values, and the range of the next field (null: all of it). */
    private record Scan(List<Object> equal, Range range) {
    }

    /** A range of values: bounds (null: open), whether each is included, and whether null or missing counts. */
    private record Range(Object lower, boolean lowerIncluded, Object upper, boolean upperIncluded,
            boolean existsOnly) {

        /** The range a condition such as {@code {$gte: a, $lt: b}} asks for; null for anything else. */
        static Range of(Object condition) {
            if (!(condition instanceof Map<?, ?> operators) || operators.isEmpty()) {
                return null;
            }
            Object lower = null;
            Object upper = null;
            boolean lowerIncluded = false;
            boolean upperIncluded = false;
            boolean existsOnly = false;
            for (Map.Entry<?, ?> operator : operators.entrySet()) {
                Object bound = operator.getValue();
                switch (String.valueOf(operator.getKey())) {
                    case "$gt", "$gte" -> {
                        if (!isValue(bound)) {
                            return null;
                        }
                        lower = bound;
                        lowerIncluded = "$gte".equals(operator.getKey());
                    }
                    case "$lt", "$lte" -> {
                        if (!isValue(bound)) {
                            return null;
                        }
                        upper = bound;
                        upperIncluded = "$lte".equals(operator.getKey());
                    }
                    case "$exists" -> {
                        if (!Boolean.TRUE.equals(bound)) {
                            return null;
                        }
                        existsOnly = true;
                    }
                    default -> {
                        return null;
                    }
                }
            }
            return new Range(lower, lowerIncluded, upper, upperIncluded, existsOnly || lower != null
                    || upper != null);
        }

        /** Where a scan starts: at the lower bound, or at the smallest value of the upper bound's type. */
        Object start() {
            if (lower != null) {
                return lower;
            }
            if (upper instanceof Number) {
                return Double.NEGATIVE_INFINITY;
            }
            if (upper instanceof String) {
                return "";
            }
            if (upper instanceof java.time.Instant) {
                return java.time.Instant.ofEpochMilli(Long.MIN_VALUE);
            }
            if (upper instanceof java.util.Date) {
                return new java.util.Date(Long.MIN_VALUE);
            }
            return null;
        }

        boolean beyond(Object value) {
            if (upper == null) {
                return false;
            }
            int order = IndexKeyDataType.compareValues(value, upper);
            return upperIncluded ? order > 0 : order >= 0;
        }

        boolean admits(Object value) {
            // Entries keep a missing field as null: {$exists: true} reads them all, and the match decides.
            return lower == null || IndexKeyDataType.compareValues(value, lower) > (lowerIncluded ? -1 : 0);
        }
    }

    /** The ids of a scan's entries, in the index's order, each once, read as they are asked for. */
    private final class Positions implements Iterator<Object> {

        private final Scan scan;
        private final Cursor<KeyValue, Boolean> cursor;
        private final Set<Object> seen = new HashSet<>();
        private Object next;
        private boolean done;

        Positions(Scan scan) {
            this.scan = scan;
            List<Object> from = new ArrayList<>(scan.equal());
            Object start = scan.range() == null ? null : scan.range().start();
            if (start != null) {
                from.add(start);
            }
            // (values) sorts before every (values, ..., id) and after every entry of smaller values.
            this.cursor = map.cursor(from.isEmpty() ? null : new KeyValue(from));
        }

        @Override
        public boolean hasNext() {
            while (next == null && !done) {
                if (!cursor.hasNext()) {
                    done = true;
                    break;
                }
                KeyValue entry = cursor.next();
                for (int i = 0; i < scan.equal().size(); i++) {
                    if (IndexKeyDataType.compareValues(entry.get(i), scan.equal().get(i)) != 0) {
                        done = true;
                        return false;
                    }
                }
                Range range = scan.range();
                if (range != null) {
                    Object value = entry.get(scan.equal().size());
                    if (range.beyond(value)) {
                        done = true;
                        break;
                    }
                    if (!range.admits(value)) {
                        continue;
                    }
                }
                Object position = entry.get(entry.size() - 1);
                if (seen.add(position)) {
                    next = position;
                }
            }
            return next != null;
        }

        @Override
        public Object next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            Object position = next;
            next = null;
            return position;
        }
    }

    @Override
    public Object getPosition(Document document) {
        return isIndexed(document) ? document.get(ID) : null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // Not unique: any document may be added.
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        if (isIndexed(document)) {
            for (KeyValue values : getKeyValues(document)) {
                map.put(entry(values, position), Boolean.TRUE);
            }
        }
    }

    @Override
    public Object remove(Document document) {
        if (!isIndexed(document)) {
            return null;
        }
        Object position = document.get(ID);
        for (KeyValue values : getKeyValues(document)) {
            map.remove(entry(values, position));
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // Not unique: any change may be made.
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
            remove(oldDocument);
            add(newDocument, position, collection);
        }
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        map.clear();
    }

    /** A sparse index leaves out documents that have none of its fields (a field set to null is there). */
    private boolean isIndexed(Document document) {
        return !isSparse() || keys().stream().anyMatch(key -> present(document, List.of(key.split("\\."))));
    }

    /** Whether the path leads to a value (null included), through arrays of documents as MongoDB's paths do. */
    private static boolean present(Object value, List<String> path) {
        if (path.isEmpty()) {
            return true;
        }
        if (value instanceof Map<?, ?> document) {
            return document.containsKey(path.get(0)) && present(document.get(path.get(0)), path.subList(1,
                    path.size()));
        }
        if (value instanceof Collection<?> elements) {
            return elements.stream().anyMatch(element -> present(element, path));
        }
        return false;
    }

    private static KeyValue entry(KeyValue values, Object position) {
        List<Object> entry = new ArrayList<>(values.size() + 1);
        values.forEach(entry::add);
        entry.add(position == null ? Missing.getInstance() : position);
        return new KeyValue(entry);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[name=" + getName() + "]";
    }
}
