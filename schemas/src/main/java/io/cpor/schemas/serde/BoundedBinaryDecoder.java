package io.cpor.schemas.serde;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * Avro's binary encoding, read from the bytes of one record, trusting no length it declares: a string, bytes or fixed
 * value longer than the bytes left, a negative length, a varint longer than its type, an array or map declaring more
 * items than the bytes left could hold (each takes at least one byte), or more items in all than
 * {@link AvroLimits#maxCollectionItems()} is an {@link IOException} before anything is allocated. So what a record
 * can make its reader allocate is bounded by its own size.
 * <p>
 * The one exception is an array whose items take no bytes (of {@code null}, say): such an array may declare more
 * items than bytes, and is bounded by the item limit alone. Whether a writer schema has one is worked out once, by
 * {@link #hasZeroWidthArrayItems(Schema)}.
 */
final class BoundedBinaryDecoder extends Decoder {

    private final byte[] data;
    private final int end;
    private final AvroLimits limits;
    private final boolean zeroWidthArrayItems;
    private int position;
    private long items;

    BoundedBinaryDecoder(byte[] data, int offset, int length, AvroLimits limits, boolean zeroWidthArrayItems) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IllegalArgumentException("offset " + offset + " and length " + length + " do not fit "
                    + data.length + " bytes");
        }
        this.data = data;
        this.position = offset;
        this.end = offset + length;
        this.limits = limits;
        this.zeroWidthArrayItems = zeroWidthArrayItems;
    }

    /** Whether every byte was read. */
    boolean isEnd() {
        return position == end;
    }

    @Override
    public void readNull() {
    }

    @Override
    public boolean readBoolean() throws IOException {
        int value = next();
        if (value > 1) {
            throw new IOException("Malformed record: a boolean is 0 or 1, not " + value);
        }
        return value == 1;
    }

    @Override
    public int readInt() throws IOException {
        long raw = varint(5);
        if (raw > 0xffff_ffffL) {
            throw new IOException("Malformed record: an int's varint holds more than 32 bits");
        }
        int n = (int) raw;
        return (n >>> 1) ^ -(n & 1);
    }

    @Override
    public long readLong() throws IOException {
        long n = varint(10);
        return (n >>> 1) ^ -(n & 1);
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat((int) littleEndian(4));
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(littleEndian(8));
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = length("string", limits.maxStringLength());
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        System.arraycopy(data, position, result.getBytes(), 0, length);
        position += length;
        return result;
    }

    @Override
    public String readString() throws IOException {
        int length = length("string", limits.maxStringLength());
        String result = new String(data, position, length, StandardCharsets.UTF_8);
        position += length;
        return result;
    }

    @Override
    public void skipString() throws IOException {
        position += length("string", limits.maxStringLength());
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = length("bytes", limits.maxBytesLength());
        ByteBuffer result = old != null && old.capacity() >= length ? old.clear() : ByteBuffer.allocate(length);
        result.put(data, position, length).flip();
        position += length;
        return result;
    }

    @Override
    public void skipBytes() throws IOException {
        position += length("bytes", limits.maxBytesLength());
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        require(length, "fixed");
        System.arraycopy(data, position, bytes, start, length);
        position += length;
    }

    @Override
    public void skipFixed(int length) throws IOException {
        require(length, "fixed");
        position += length;
    }

    @Override
    public int readEnum() throws IOException {
        return readInt();
    }

    @Override
    public long readArrayStart() throws IOException {
        return block("array", zeroWidthArrayItems);
    }

    @Override
    public long arrayNext() throws IOException {
        return block("array", zeroWidthArrayItems);
    }

    @Override
    public long skipArray() throws IOException {
        return skipBlocks("array", zeroWidthArrayItems);
    }

    @Override
    public long readMapStart() throws IOException {
        return block("map", false);
    }

    @Override
    public long mapNext() throws IOException {
        return block("map", false);
    }

    @Override
    public long skipMap() throws IOException {
        return skipBlocks("map", false);
    }

    @Override
    public int readIndex() throws IOException {
        return readInt();
    }

    /** The item count of the next block; a negative count is followed by the block's size in bytes. */
    private long block(String kind, boolean zeroWidthItems) throws IOException {
        long count = readLong();
        if (count < 0) {
            count = negated(count, kind);
            blockSize(kind);
        }
        return counted(count, kind, zeroWidthItems);
    }

    /** Skips blocks that carry their size; answers the item count of the first block that does not (0: the end). */
    private long skipBlocks(String kind, boolean zeroWidthItems) throws IOException {
        long count = readLong();
        while (count < 0) {
            negated(count, kind);
            position += blockSize(kind);
            count = readLong();
        }
        return counted(count, kind, zeroWidthItems);
    }

    private long counted(long count, String kind, boolean zeroWidthItems) throws IOException {
        if (count > remaining() && !zeroWidthItems) {
            throw new IOException("Malformed record: " + kind + " block declares " + count
                    + " items, more than the " + remaining() + " bytes left could hold");
        }
        items += count;
        if (items > limits.maxCollectionItems()) {
            throw new IOException("Record holds more than " + limits.maxCollectionItems()
                    + " array and map items, the limit (" + org.apache.avro.SystemLimitException
                            .MAX_COLLECTION_LENGTH_PROPERTY + ")");
        }
        return count;
    }

    private static long negated(long count, String kind) throws IOException {
        if (count == Long.MIN_VALUE) {
            throw new IOException("Malformed record: " + kind + " block count out of range");
        }
        return -count;
    }

    private int blockSize(String kind) throws IOException {
        long size = readLong();
        if (size < 0 || size > remaining()) {
            throw new IOException("Malformed record: " + kind + " block declares " + size + " bytes, "
                    + remaining() + " left");
        }
        return (int) size;
    }

    private int length(String kind, int limit) throws IOException {
        long length = readLong();
        if (length < 0) {
            throw new IOException("Malformed record: negative " + kind + " length " + length);
        }
        if (length > limit) {
            throw new IOException("Record declares a " + kind + " of " + length + " bytes, over the limit of "
                    + limit);
        }
        require(length, kind);
        return (int) length;
    }

    private void require(long length, String kind) throws IOException {
        if (length > remaining()) {
            throw new EOFException("Malformed record: " + kind + " of " + length + " bytes, but only "
                    + remaining() + " left");
        }
    }

    private int remaining() {
        return end - position;
    }

    private int next() throws IOException {
        if (position >= end) {
            throw new EOFException("Malformed record: it ends in the middle of a value");
        }
        return data[position++] & 0xff;
    }

    /** An unsigned LEB128 varint of at most {@code maxBytes} bytes. */
    private long varint(int maxBytes) throws IOException {
        long value = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = next();
            value |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("Malformed record: a varint longer than " + maxBytes + " bytes");
    }

    private long littleEndian(int bytes) throws IOException {
        require(bytes, "number");
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value |= (long) (data[position++] & 0xff) << (8 * i);
        }
        return value;
    }

    /** Whether some array of the schema has items that take no bytes, so its item count is not bounded by bytes. */
    static boolean hasZeroWidthArrayItems(Schema schema) {
        return hasZeroWidthArrayItems(schema, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean hasZeroWidthArrayItems(Schema schema, Set<Schema> seen) {
        if (!seen.add(schema)) {
            return false;
        }
        return switch (schema.getType()) {
            case ARRAY -> zeroWidth(schema.getElementType(), Collections.newSetFromMap(new IdentityHashMap<>()))
                    || hasZeroWidthArrayItems(schema.getElementType(), seen);
            case MAP -> hasZeroWidthArrayItems(schema.getValueType(), seen);
            case UNION -> schema.getTypes().stream().anyMatch(branch -> hasZeroWidthArrayItems(branch, seen));
            case RECORD -> schema.getFields().stream().anyMatch(field -> hasZeroWidthArrayItems(field.schema(), seen));
            default -> false;
        };
    }

    private static boolean zeroWidth(Schema schema, Set<Schema> seen) {
        return switch (schema.getType()) {
            case NULL -> true;
            case FIXED -> schema.getFixedSize() == 0;
            // A record that contains itself always takes bytes somewhere (a union index or an array count).
            case RECORD -> seen.add(schema) && schema.getFields().stream().allMatch(field -> zeroWidth(field.schema(),
                    seen));
            default -> false;
        };
    }
}
