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
 * A query with an equality on the index's first field, whatever else it asks, reads only the documents with that
 * value; the collection then matches the whole query against each of them.
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
        Object value = query.get(keys().get(0));
        return value != null && !(value instanceof Missing) && !(value instanceof Map<?, ?>)
                && !(value instanceof Collection<?>) && !BsonRegularExpression.isRegularExpression(value);
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        String field = keys().get(0);
        Object value = getKeyValues(new Document(field, query.get(field))).iterator().next().get(0);
        List<Object> positions = new ArrayList<>();
        // (value) sorts before every (value, ..., id) and after every entry of a smaller value.
        Cursor<KeyValue, Boolean> cursor = map.cursor(new KeyValue(value));
        while (cursor.hasNext()) {
            KeyValue entry = cursor.next();
            if (IndexKeyDataType.compareValues(entry.get(0), value) != 0) {
                break;
            }
            positions.add(entry.get(entry.size() - 1));
        }
        return positions;
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

    /** A sparse index leaves out documents that have none of its fields. */
    private boolean isIndexed(Document document) {
        if (!isSparse()) {
            return true;
        }
        Set<KeyValue> values = getKeyValues(document);
        return values.stream().anyMatch(key -> {
            for (Iterator<Object> it = key.iterator(); it.hasNext(); ) {
                if (!Missing.isNullOrMissing(it.next())) {
                    return true;
                }
            }
            return false;
        });
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
