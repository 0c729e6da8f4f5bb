package io.cpor.schemas.serde;

import org.apache.avro.SystemLimitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The most a record may declare: the longest string or byte sequence, and how many array and map items one record
 * may hold in all. They are Avro's own settings ({@code org.apache.avro.limits.*} system properties), so Avro's
 * decoders and this project's bounded one refuse the same records. Avro's defaults are about 2 GB each, which a
 * ten-byte record can ask a decoder to allocate; the defaults here fit the largest record the broker takes by default
 * ({@code message.max.bytes}, 1 MiB).
 */
public record AvroLimits(int maxStringLength, int maxBytesLength, int maxCollectionItems) {

    public static final int DEFAULT_MAX_LENGTH = 1 << 20;
    public static final int DEFAULT_MAX_COLLECTION_ITEMS = 100_000;

    private static final Logger log = LoggerFactory.getLogger(AvroLimits.class);

    static {
        applyDefaults();
    }

    public AvroLimits {
        if (maxStringLength < 0 || maxBytesLength < 0 || maxCollectionItems < 0) {
            throw new IllegalArgumentException("Avro limits cannot be negative");
        }
    }

    /** The limits in force: the system properties, or the defaults above where they are not set. */
    public static AvroLimits current() {
        return new AvroLimits(property(SystemLimitException.MAX_STRING_LENGTH_PROPERTY, DEFAULT_MAX_LENGTH),
                property(SystemLimitException.MAX_BYTES_LENGTH_PROPERTY, DEFAULT_MAX_LENGTH),
                property(SystemLimitException.MAX_COLLECTION_LENGTH_PROPERTY, DEFAULT_MAX_COLLECTION_ITEMS));
    }

    /**
     * Sets each of Avro's limit properties that is not set yet to the default here. Avro reads them once, when its
     * decoders are first used; the serde applies them when it is loaded, before it reads or writes anything. A JVM
     * whose Avro was used earlier keeps Avro's own limits for Avro's decoders, and is told so.
     */
    public static synchronized void applyDefaults() {
        setIfAbsent(SystemLimitException.MAX_STRING_LENGTH_PROPERTY, DEFAULT_MAX_LENGTH);
        setIfAbsent(SystemLimitException.MAX_BYTES_LENGTH_PROPERTY, DEFAULT_MAX_LENGTH);
        setIfAbsent(SystemLimitException.MAX_COLLECTION_LENGTH_PROPERTY, DEFAULT_MAX_COLLECTION_ITEMS);
        if (!inForceInAvro()) {
            log.warn("Avro was used in this JVM before its limits were set, so its own decoders allow ~2 GB strings; "
                    + "set -D{}={} (and the bytes and collectionItems limits) on the command line",
                    SystemLimitException.MAX_STRING_LENGTH_PROPERTY, current().maxStringLength());
        }
    }

    /** Whether Avro's own decoders enforce the string limit in force here. */
    static boolean inForceInAvro() {
        try {
            SystemLimitException.checkMaxStringLength(current().maxStringLength() + 1L);
            return false;
        }
        catch (SystemLimitException expected) {
            return true;
        }
    }

    private static void setIfAbsent(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(value));
        }
    }

    private static int property(String name, int fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("The system property " + name + " must be a whole number, not '"
                    + value + "'", e);
        }
    }
}
