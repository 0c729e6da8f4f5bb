package io.cpor.local.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The documents of a collection as they are stored in the MVStore: BSON, encoded and decoded by the wire server's
 * own codec, so a document reads back with exactly the types it arrived with.
 * <p>
 * H2's default value type serializes every document with Java serialization, a new {@code ObjectOutputStream} and
 * class descriptors per document, and each commit rewrites every document of a changed page: that was most of the
 * wire server's time. Values written before this type existed start with one of H2's type tags (all below 128);
 * values written by it start with {@link #BSON}, so stores written by either read with this one, and older pages
 * turn into BSON as they are rewritten.
 */
final class DocumentDataType extends BasicDataType<Document> {

    static final DocumentDataType INSTANCE = new DocumentDataType();

    /** The first byte of a BSON value here; never a tag of H2's {@link ObjectDataType}. */
    private static final byte BSON = (byte) 0xB5;

    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    private final ObjectDataType javaSerialized = new ObjectDataType();

    private DocumentDataType() {
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        // Pages are written by one thread at a time (the committing one, under the store's lock), each value
        // encoded into this thread's buffer and copied into the page.
        ByteBuf bson = ENCODING.get().clear();
        BsonEncoder.encodeDocument(document, bson);
        buffer.put(BSON).put(bson.nioBuffer());
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) javaSerialized.read(buffer);
        }
        buffer.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    /** Bytes in memory, roughly: what the page cache and the page split go by. */
    @Override
    public int getMemory(Document document) {
        return estimate(document);
    }

    /** Values are compared only for equality (MVMap's conditional replace and remove). */
    @Override
    public int compare(Document a, Document b) {
        return a.equals(b) ? 0 : 1;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** Roughly the heap a decoded value takes: what the page cache counts and pages are split by. */
    private static int estimate(Object value) {
        if (value instanceof String text) {
            return 40 + text.length();
        }
        if (value instanceof Map<?, ?> map) {
            int size = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 32 + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> items) {
            int size = 40;
            for (Object item : items) {
                size += 8 + estimate(item);
            }
            return size;
        }
        return 24;
    }
}
