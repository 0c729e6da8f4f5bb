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

    private final ObjectDataType javaSerialized = new ObjectDataType();

    private DocumentDataType() {
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(estimate(document));
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(BSON).put(bson.nioBuffer());
        }
        finally {
            bson.release();
        }
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

    /** A cheap upper estimate of the BSON size, to size the encoding buffer and the memory figure. */
    private static int estimate(Object value) {
        if (value instanceof String text) {
            return 5 + 3 * text.length();
        }
        if (value instanceof Map<?, ?> map) {
            int size = 5;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 2 + 3 * entry.getKey().toString().length() + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> items) {
            int size = 5;
            for (Object item : items) {
                size += 8 + estimate(item);
            }
            return size;
        }
        return 16;
    }
}
