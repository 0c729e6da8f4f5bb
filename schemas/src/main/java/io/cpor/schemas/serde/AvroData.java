package io.cpor.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.common.errors.SerializationException;

/** What the serde knows of Avro data: the schema of a value and the data model used for generic records. */
final class AvroData {

    private AvroData() {
    }

    /** The schema a value is written with: its own for records, enums and fixed; a primitive schema otherwise. */
    static Schema schemaOf(Object value) {
        if (value instanceof GenericContainer container) {
            return container.getSchema();
        }
        if (value instanceof CharSequence) {
            return Schema.create(Schema.Type.STRING);
        }
        if (value instanceof Integer) {
            return Schema.create(Schema.Type.INT);
        }
        if (value instanceof Long) {
            return Schema.create(Schema.Type.LONG);
        }
        if (value instanceof Boolean) {
            return Schema.create(Schema.Type.BOOLEAN);
        }
        if (value instanceof Double) {
            return Schema.create(Schema.Type.DOUBLE);
        }
        if (value instanceof Float) {
            return Schema.create(Schema.Type.FLOAT);
        }
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            return Schema.create(Schema.Type.BYTES);
        }
        throw new SerializationException("Cannot write a " + value.getClass().getName() + " as Avro: expected a "
                + "SpecificRecord, a GenericRecord or an Avro primitive");
    }

    /** The generic data model, with or without conversions of logical types to Java types. */
    static GenericData genericData(boolean logicalTypeConverters) {
        if (!logicalTypeConverters) {
            return GenericData.get();
        }
        GenericData data = new GenericData();
        data.addLogicalTypeConversion(new Conversions.UUIDConversion());
        data.addLogicalTypeConversion(new Conversions.DecimalConversion());
        data.addLogicalTypeConversion(new TimeConversions.DateConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
        return data;
    }
}
