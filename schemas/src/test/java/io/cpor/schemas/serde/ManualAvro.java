package io.cpor.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Avro binary written by hand from the specification, independent of the Avro library. */
final class ManualAvro {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ManualAvro raw(int... values) {
        for (int value : values) {
            out.write(value);
        }
        return this;
    }

    ManualAvro int32(int value) {
        return raw(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
    }

    ManualAvro varLong(long value) {
        long zigZag = (value << 1) ^ (value >> 63);
        while ((zigZag & ~0x7FL) != 0) {
            out.write((int) ((zigZag & 0x7F) | 0x80));
            zigZag >>>= 7;
        }
        out.write((int) zigZag);
        return this;
    }

    ManualAvro string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        varLong(utf8.length);
        out.writeBytes(utf8);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
