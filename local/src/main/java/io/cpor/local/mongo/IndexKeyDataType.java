package io.cpor.local.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The keys of an index in the MVStore: the indexed values (and, in a {@link SecondaryIndex}, the document's id),
 * BSON-encoded one by one, in MongoDB's order.
 * <p>
 * H2's default key type orders objects it does not know by their Java-serialized bytes, so every comparison of an
 * index lookup serialized two keys. Here keys compare as MongoDB compares values; the on-disk order therefore
 * differs from the old one, and {@link DurableMongoServer} rebuilds indexes written the old way when it opens them.
 */
final class IndexKeyDataType extends BasicDataType<KeyValue> {

    static final IndexKeyDataType INSTANCE = new IndexKeyDataType();

    /** Stands for a missing field; BSON's end-of-document byte is never a value's type. */
    private static final byte MISSING = 0;

    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

    private IndexKeyDataType() {
    }

    /** MongoDB's order of two values. */
    static int compareValues(Object a, Object b) {
        return ORDER.compare(a, b);
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int size = Math.min(a.size(), b.size());
        for (int i = 0; i < size; i++) {
            int order = ORDER.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        ByteBuf encoded = Unpooled.buffer(32);
        try {
            encoded.writeByte(key.size());
            for (Object value : key) {
                if (value instanceof Missing) {
                    encoded.writeByte(MISSING);
                }
                else {
                    byte type = BsonEncoder.determineType(value);
                    encoded.writeByte(type);
                    BsonEncoder.encodeValue(type, value, encoded);
                }
            }
            buffer.put(encoded.nioBuffer());
        }
        finally {
            encoded.release();
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        ByteBuf encoded = Unpooled.wrappedBuffer(buffer.slice());
        int size = encoded.readUnsignedByte();
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            byte type = encoded.readByte();
            values.add(type == MISSING ? Missing.getInstance() : BsonDecoder.decodeValue(type, encoded));
        }
        buffer.position(buffer.position() + encoded.readerIndex());
        return new KeyValue(values);
    }

    @Override
    public int getMemory(KeyValue key) {
        return 48 + 32 * key.size();
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
