package io.cpor.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/** The Confluent wire format header: a magic byte 0 and the schema id as a 4-byte big-endian int. */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    static void writeHeader(ByteBuffer target, int schemaId) {
        target.put(MAGIC_BYTE).putInt(schemaId);
    }

    /** The schema id in the header, or a clear error if the bytes are not in this format. */
    static int schemaId(String topic, byte[] data) {
        if (data.length < HEADER_LENGTH) {
            throw new SerializationException("Record on topic '" + topic + "' is not in the Confluent wire format: "
                    + data.length + " bytes, fewer than the " + HEADER_LENGTH + "-byte header");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format("Record on topic '%s' is not in the Confluent wire "
                    + "format: unknown magic byte 0x%02x (expected 0x00)", topic, data[0] & 0xff));
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }
}
