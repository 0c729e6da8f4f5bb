package io.cpor.local.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Avro bodies that lie, for a given writer schema, as a hostile producer would write them: at every place the schema
 * declares a length or a count (each string, bytes value, array and map, at every nesting level and in every union
 * branch), one body declaring about 2 GB there, one declaring a negative length, and one declaring a block count
 * that no record can hold; plus the schema's smallest valid body cut short at each value. Each body is a few bytes
 * and must be refused by a reader, never allocated.
 */
public final class HostileAvro {

    /**
     * A body, what is wrong with it, and how deep in the value the lie is (0 for the top-level record's own
     * fields, one more for each record, array, map or union it is inside).
     */
    public record Body(String lie, int depth, byte[] avro) {
    }

    private static final long HUGE = 2_000_000_000L;

    private HostileAvro() {
    }

    /** Every lie for this writer schema, and a valid body cut short at each value boundary. */
    public static List<Body> lies(Schema schema) {
        List<Body> bodies = new ArrayList<>();
        if (schema.getType() == Schema.Type.UNION) {
            // A topic carrying several kinds of event: the lies of each kind, behind its branch index.
            for (int branch = 0; branch < schema.getTypes().size(); branch++) {
                byte[] index = new Writer(Schema.create(Schema.Type.LONG), -1, 0).varLongBytes(branch);
                for (Body body : lies(schema.getTypes().get(branch))) {
                    byte[] avro = java.util.Arrays.copyOf(index, index.length + body.avro().length);
                    System.arraycopy(body.avro(), 0, avro, index.length, body.avro().length);
                    bodies.add(new Body(schema.getTypes().get(branch).getName() + ": " + body.lie(), body.depth(),
                            avro));
                }
            }
            return bodies;
        }
        int sites = new Writer(schema, -1, 0).run().sitesSeen;
        for (int site = 0; site < sites; site++) {
            for (long lie : new long[] {HUGE, -HUGE, -1}) {
                Writer writer = new Writer(schema, site, lie).run();
                bodies.add(new Body(writer.siteName + " declares " + lie, writer.siteDepth,
                        writer.out.toByteArray()));
            }
        }
        Writer valid = new Writer(schema, -1, 0).run();
        byte[] whole = valid.out.toByteArray();
        for (int[] cut : valid.boundaries) {
            if (cut[0] < whole.length) {
                bodies.add(new Body("cut short after " + cut[0] + " of " + whole.length + " bytes", cut[1],
                        java.util.Arrays.copyOf(whole, cut[0])));
            }
        }
        return bodies;
    }

    /** The smallest valid body of the schema that still reaches every nesting level (one item per collection). */
    public static byte[] valid(Schema schema) {
        return new Writer(schema, -1, 0).run().out.toByteArray();
    }

    /** Writes the schema's smallest deep value; at the site'th length or count writes the lie and stops. */
    private static final class Writer {

        private final Schema schema;
        private final int lieAt;
        private final long lie;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        /** Where each value starts, and how deep it is. */
        private final List<int[]> boundaries = new ArrayList<>();
        private int sitesSeen;
        private String siteName = "";
        private int siteDepth;
        private boolean stopped;

        Writer(Schema schema, int lieAt, long lie) {
            this.schema = schema;
            this.lieAt = lieAt;
            this.lie = lie;
        }

        Writer run() {
            write(schema, "", new ArrayList<>());
            return this;
        }

        private void write(Schema s, String path, List<Schema> enclosing) {
            if (stopped) {
                return;
            }
            boundaries.add(new int[] {out.size(), depth(path)});
            switch (s.getType()) {
                case RECORD -> {
                    if (enclosing.contains(s)) {
                        return;
                    }
                    enclosing.add(s);
                    for (Schema.Field field : s.getFields()) {
                        write(field.schema(), path + "." + field.name(), enclosing);
                    }
                    enclosing.remove(enclosing.size() - 1);
                }
                case UNION -> writeUnion(s, path, enclosing);
                case ARRAY -> {
                    if (site(path + "[]", "array count")) {
                        return;
                    }
                    varLong(1);
                    write(s.getElementType(), path + "[0]", enclosing);
                    varLong(0);
                }
                case MAP -> {
                    if (site(path + "{}", "map count")) {
                        return;
                    }
                    varLong(1);
                    text(path + "{} key", "k");
                    write(s.getValueType(), path + "{k}", enclosing);
                    varLong(0);
                }
                case STRING -> text(path, s.getLogicalType() instanceof LogicalTypes.Uuid
                        ? UUID.nameUUIDFromBytes(path.getBytes(StandardCharsets.UTF_8)).toString() : "x");
                case BYTES -> {
                    if (!site(path, "bytes length")) {
                        varLong(1);
                        out.write(0);
                    }
                }
                case FIXED -> out.writeBytes(new byte[s.getFixedSize()]);
                case INT, LONG, ENUM -> varLong(0);
                case BOOLEAN -> out.write(0);
                case FLOAT -> out.writeBytes(new byte[4]);
                case DOUBLE -> out.writeBytes(new byte[8]);
                case NULL -> {
                }
            }
        }

        /** A nested union's first branch that is not null, so the value reaches what is inside it. */
        private void writeUnion(Schema union, String path, List<Schema> enclosing) {
            List<Schema> branches = union.getTypes();
            int chosen = 0;
            while (chosen < branches.size() - 1 && branches.get(chosen).getType() == Schema.Type.NULL) {
                chosen++;
            }
            varLong(chosen);
            write(branches.get(chosen), path, enclosing);
        }

        private void text(String path, String value) {
            if (site(path, "string length")) {
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            varLong(utf8.length);
            out.writeBytes(utf8);
        }

        /** A place that declares a length: writes the lie there (and stops) if it is the one. */
        private boolean site(String path, String what) {
            int index = sitesSeen++;
            if (index != lieAt) {
                return false;
            }
            siteName = what + " of " + path;
            siteDepth = depth(path);
            varLong(lie);
            if (lie < 0 && what.endsWith("count")) {
                // A negative count is followed by the block's size in bytes: claim a huge one too.
                varLong(HUGE);
            }
            stopped = true;
            return true;
        }

        private static int depth(String path) {
            return Math.max(0, (int) path.chars().filter(c -> c == '.' || c == '[' || c == '{').count() - 1);
        }

        byte[] varLongBytes(long value) {
            varLong(value);
            return out.toByteArray();
        }

        private void varLong(long value) {
            long zigZag = (value << 1) ^ (value >> 63);
            while ((zigZag & ~0x7FL) != 0) {
                out.write((int) ((zigZag & 0x7F) | 0x80));
                zigZag >>>= 7;
            }
            out.write((int) zigZag);
        }
    }
}
