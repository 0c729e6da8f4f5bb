package io.cpor.schemas.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/** A registry in memory, for unit tests of the serde: same id for the same schema in every subject, calls counted. */
final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private int nextId;

    InMemorySchemaRegistry(int firstId) {
        this.nextId = firstId;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        calls.incrementAndGet();
        int id = idsBySchema.computeIfAbsent(schema.toString(), text -> {
            schemasById.put(nextId, schema);
            return nextId++;
        });
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        calls.incrementAndGet();
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException(404, 40401, "Subject '" + subject + "' not found.");
        }
        Integer id = idsBySchema.get(schema.toString());
        if (id == null || !versions.contains(id)) {
            throw new SchemaRegistryException(404, 40403, "Schema not found");
        }
        return id;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        calls.incrementAndGet();
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(404, 40403, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        calls.incrementAndGet();
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException(404, 40401, "Subject '" + subject + "' not found.");
        }
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, id, versions.size(), schemasById.get(id));
    }

    @Override
    public DataContract contractById(int id) {
        schemaById(id);
        return DataContract.NONE;
    }

    @Override
    public synchronized RegisteredSchema latestWithMetadata(String subject, Map<String, String> properties) {
        calls.incrementAndGet();
        throw new SchemaRegistryException(404, 40403, "Schema not found");
    }

    @Override
    public synchronized RegisteredSchema version(String subject, int version) {
        calls.incrementAndGet();
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || version < 1 || version > versions.size()) {
            throw new SchemaRegistryException(404, 40402, "Version " + version + " not found.");
        }
        int id = versions.get(version - 1);
        return new RegisteredSchema(subject, id, version, schemasById.get(id));
    }

    @Override
    public synchronized int versionOf(String subject, int id) {
        calls.incrementAndGet();
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || !versions.contains(id)) {
            throw new SchemaRegistryException(404, 40403, "Schema not found");
        }
        return versions.indexOf(id) + 1;
    }

    int calls() {
        return calls.get();
    }
}
