package io.cpor.local.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cpor.schemas.compat.CompatibilityLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The registry's rules and state: global ids shared by every subject that registers the same schema, versions per
 * subject, soft and permanent deletes, compatibility levels. Every change is stored before it is answered.
 */
final class SchemaRegistry {

    /** The version string meaning the newest live version. */
    static final int LATEST = -1;

    private final RegistryStore store;
    private final Map<Integer, StoredSchema> schemasById = new TreeMap<>();
    private final Map<String, Integer> idsByIdentity = new HashMap<>();
    private final Map<String, Subject> subjects = new TreeMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private int nextId = 1;

    SchemaRegistry(RegistryStore store) {
        this.store = store;
        store.read().ifPresent(this::restore);
    }

    synchronized RegisteredVersion register(String subjectName, SchemaText text) {
        validSubject(subjectName);
        StoredSchema candidate = parse(text);
        Subject subject = subjects.computeIfAbsent(subjectName, Subject::new);
        Optional<Version> live = subject.find(candidate.identity(), false);
        if (live.isPresent()) {
            return new RegisteredVersion(subjectName, live.get().number(), schemasById.get(live.get().id()));
        }
        List<String> problems = levelOf(subject).incompatibilities(candidate.parsed(), subject.liveSchemas());
        if (!problems.isEmpty()) {
            dropIfEmpty(subject);
            throw RegistryException.incompatibleSchema(subjectName, problems);
        }
        Integer existingId = idsByIdentity.get(candidate.identity());
        StoredSchema stored = existingId != null ? schemasById.get(existingId) : assignId(candidate);
        int number = subject.highestVersion() + 1;
        // Registering a schema again after a soft delete brings it back as a new version; the deleted one goes.
        subject.find(stored.identity(), true).ifPresent(deleted -> subject.versions.remove(deleted.number()));
        subject.versions.put(number, new Version(number, stored.id(), false));
        save();
        return new RegisteredVersion(subjectName, number, stored);
    }

    synchronized RegisteredVersion lookup(String subjectName, SchemaText text, boolean includeDeleted) {
        Subject subject = existing(subjectName, includeDeleted);
        StoredSchema candidate = parse(text);
        Version version = subject.find(candidate.identity(), includeDeleted)
                .orElseThrow(RegistryException::schemaNotFound);
        return new RegisteredVersion(subjectName, version.number(), schemasById.get(version.id()));
    }

    synchronized RegisteredVersion version(String subjectName, String versionText, boolean includeDeleted) {
        int requested = parseVersion(versionText);
        Subject subject = existing(subjectName, includeDeleted);
        Version version = subject.resolve(requested, includeDeleted)
                .orElseThrow(() -> RegistryException.versionNotFound(versionText));
        return new RegisteredVersion(subjectName, version.number(), schemasById.get(version.id()));
    }

    synchronized List<Integer> versions(String subjectName, boolean includeDeleted) {
        return existing(subjectName, includeDeleted).numbers(includeDeleted);
    }

    synchronized List<String> subjects(String prefix, boolean includeDeleted) {
        return subjects.values().stream()
                .filter(subject -> !subject.numbers(includeDeleted).isEmpty())
                .map(subject -> subject.name)
                .filter(name -> prefix == null || name.startsWith(prefix))
                .toList();
    }

    synchronized StoredSchema schema(int id) {
        StoredSchema schema = schemasById.get(id);
        if (schema == null) {
            throw RegistryException.schemaIdNotFound(id);
        }
        return schema;
    }

    /** Every (subject, version) holding the schema with this id. */
    synchronized List<RegisteredVersion> usesOf(int id, boolean includeDeleted) {
        StoredSchema schema = schema(id);
        List<RegisteredVersion> uses = new ArrayList<>();
        for (Subject subject : subjects.values()) {
            for (Version version : subject.versions.values()) {
                if (version.id() == id && (includeDeleted || !version.deleted())) {
                    uses.add(new RegisteredVersion(subject.name, version.number(), schema));
                }
            }
        }
        return uses;
    }

    /** Ids of the schemas whose references name this subject version. */
    synchronized List<Integer> referencedBy(String subjectName, String versionText) {
        RegisteredVersion version = version(subjectName, versionText, true);
        return referencesTo(subjectName, version.version());
    }

    synchronized List<Integer> deleteSubject(String subjectName, boolean permanent) {
        Subject subject = subjects.get(subjectName);
        if (subject == null || subject.versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subjectName);
        }
        List<Integer> live = subject.numbers(false);
        for (int number : subject.numbers(true)) {
            List<Integer> referencing = referencesTo(subjectName, number);
            if (!referencing.isEmpty()) {
                throw RegistryException.referenced(subject.versions.get(number).id());
            }
        }
        if (permanent) {
            if (!live.isEmpty()) {
                throw RegistryException.subjectNotSoftDeleted(subjectName);
            }
            List<Integer> all = subject.numbers(true);
            subjects.remove(subjectName);
            save();
            return all;
        }
        if (live.isEmpty()) {
            throw RegistryException.subjectSoftDeleted(subjectName);
        }
        live.forEach(number -> subject.versions.computeIfPresent(number, (n, v) -> v.asDeleted()));
        save();
        return live;
    }

    synchronized int deleteVersion(String subjectName, String versionText, boolean permanent) {
        int requested = parseVersion(versionText);
        Subject subject = existing(subjectName, true);
        // "latest" means the newest live version to a soft delete; a number names a version, deleted or not.
        Version version = subject.resolve(requested, requested != LATEST || permanent)
                .orElseThrow(() -> RegistryException.versionNotFound(versionText));
        if (!referencesTo(subjectName, version.number()).isEmpty()) {
            throw RegistryException.referenced(version.id());
        }
        if (permanent) {
            if (!version.deleted()) {
                throw RegistryException.versionNotSoftDeleted(subjectName, version.number());
            }
            subject.versions.remove(version.number());
            dropIfEmpty(subject);
        }
        else {
            if (version.deleted()) {
                throw RegistryException.versionSoftDeleted(subjectName, version.number());
            }
            subject.versions.put(version.number(), version.asDeleted());
        }
        save();
        return version.number();
    }

    /**
     * Why the candidate may not follow the given version (or, with no version, the live versions) of the subject at
     * its compatibility level; empty when it may. An unknown subject accepts anything.
     */
    synchronized List<String> compatibility(String subjectName, String versionText, SchemaText text) {
        Integer requested = versionText == null ? null : parseVersion(versionText);
        StoredSchema candidate = parse(text);
        Subject subject = subjects.get(subjectName);
        if (subject == null || subject.numbers(false).isEmpty()) {
            if (requested != null && requested != LATEST) {
                throw RegistryException.versionNotFound(versionText);
            }
            return List.of();
        }
        List<Schema> against;
        if (requested == null) {
            against = subject.liveSchemas();
        }
        else {
            Version version = subject.resolve(requested, false)
                    .orElseThrow(() -> RegistryException.versionNotFound(versionText));
            against = List.of(schemasById.get(version.id()).parsed());
        }
        return levelOf(subject).incompatibilities(candidate.parsed(), against);
    }

    synchronized CompatibilityLevel globalCompatibility() {
        return globalLevel;
    }

    synchronized void globalCompatibility(CompatibilityLevel level) {
        globalLevel = level;
        save();
    }

    synchronized Optional<CompatibilityLevel> subjectCompatibility(String subjectName) {
        Subject subject = subjects.get(subjectName);
        return subject == null ? Optional.empty() : Optional.ofNullable(subject.compatibility);
    }

    synchronized void subjectCompatibility(String subjectName, CompatibilityLevel level) {
        validSubject(subjectName);
        Subject subject = subjects.computeIfAbsent(subjectName, Subject::new);
        subject.compatibility = level;
        save();
    }

    /** Removes the subject's own level; returns it, or fails with 40401 if it had none. */
    synchronized CompatibilityLevel deleteSubjectCompatibility(String subjectName) {
        Subject subject = subjects.get(subjectName);
        if (subject == null || subject.compatibility == null) {
            throw RegistryException.subjectNotFound(subjectName);
        }
        CompatibilityLevel previous = subject.compatibility;
        subject.compatibility = null;
        dropIfEmpty(subject);
        save();
        return previous;
    }

    static CompatibilityLevel parseLevel(String name) {
        try {
            return CompatibilityLevel.named(name == null ? "" : name);
        }
        catch (IllegalArgumentException e) {
            throw RegistryException.invalidCompatibilityLevel();
        }
    }

    /** {@code latest} or {@code -1} give {@link #LATEST}; 1 to 2^31-1 themselves; anything else is refused. */
    static int parseVersion(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.toLowerCase(Locale.ROOT).equals("latest") || trimmed.equals("-1")) {
            return LATEST;
        }
        try {
            int number = Integer.parseInt(trimmed);
            if (number >= 1) {
                return number;
            }
        }
        catch (NumberFormatException e) {
            // refused below
        }
        throw RegistryException.invalidVersion(text);
    }

    private CompatibilityLevel levelOf(Subject subject) {
        return subject.compatibility != null ? subject.compatibility : globalLevel;
    }

    private Subject existing(String subjectName, boolean includeDeleted) {
        Subject subject = subjects.get(subjectName);
        if (subject == null || subject.numbers(includeDeleted).isEmpty()) {
            throw RegistryException.subjectNotFound(subjectName);
        }
        return subject;
    }

    private void dropIfEmpty(Subject subject) {
        if (subject.versions.isEmpty() && subject.compatibility == null) {
            subjects.remove(subject.name);
        }
    }

    private List<Integer> referencesTo(String subjectName, int version) {
        return schemasById.values().stream()
                .filter(schema -> schema.references().stream()
                        .anyMatch(ref -> ref.subject().equals(subjectName) && ref.version() == version))
                .map(StoredSchema::id)
                .toList();
    }

    private StoredSchema assignId(StoredSchema candidate) {
        StoredSchema stored = new StoredSchema(nextId++, candidate.canonical(), candidate.schemaType(),
                candidate.references(), candidate.parsed());
        schemasById.put(stored.id(), stored);
        idsByIdentity.put(stored.identity(), stored.id());
        return stored;
    }

    private StoredSchema parse(SchemaText text) {
        if (!"AVRO".equals(text.schemaType())) {
            throw new RegistryException(422, 42201, "Invalid schema of type " + text.schemaType()
                    + ": this registry stores Avro schemas only");
        }
        if (text.schema() == null || text.schema().isBlank()) {
            throw new RegistryException(422, 42201, "Empty schema");
        }
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> referencedTypes = new LinkedHashMap<>();
        for (SchemaText.Reference reference : text.references()) {
            addReferencedTypes(reference, parser, referencedTypes);
        }
        try {
            Schema parsed = parser.parse(text.schema());
            String canonical = referencedTypes.isEmpty() ? parsed.toString()
                    : parsed.toString(referencedTypes.values(), false);
            return new StoredSchema(0, canonical, "AVRO", text.references(), parsed);
        }
        catch (SchemaParseException e) {
            throw RegistryException.invalidSchema(e.getMessage());
        }
        catch (RuntimeException e) {
            throw RegistryException.invalidSchema(e.toString());
        }
    }

    private void addReferencedTypes(SchemaText.Reference reference, Schema.Parser parser,
            Map<String, Schema> referencedTypes) {
        Subject subject = subjects.get(reference.subject());
        Version version = subject == null ? null : subject.versions.get(reference.version());
        if (version == null) {
            throw RegistryException.invalidSchema("reference " + reference.name() + " to " + reference.subject()
                    + " version " + reference.version() + " not found");
        }
        StoredSchema referenced = schemasById.get(version.id());
        for (SchemaText.Reference nested : referenced.references()) {
            addReferencedTypes(nested, parser, referencedTypes);
        }
        if (referenced.parsed().getType() == Schema.Type.RECORD || referenced.parsed().getType() == Schema.Type.ENUM
                || referenced.parsed().getType() == Schema.Type.FIXED) {
            if (referencedTypes.containsKey(referenced.parsed().getFullName())) {
                return;
            }
        }
        Schema parsed = parser.parse(referenced.canonical());
        if (parsed.getType() == Schema.Type.RECORD || parsed.getType() == Schema.Type.ENUM
                || parsed.getType() == Schema.Type.FIXED) {
            referencedTypes.put(parsed.getFullName(), parsed);
        }
    }

    private static void validSubject(String subjectName) {
        if (subjectName == null || subjectName.isBlank()
                || subjectName.chars().anyMatch(Character::isISOControl)) {
            throw RegistryException.invalidSubject(subjectName);
        }
    }

    private void save() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode state = json.objectNode();
        state.put("globalCompatibility", globalLevel.name());
        state.put("nextId", nextId);
        ArrayNode schemas = state.putArray("schemas");
        for (StoredSchema schema : schemasById.values()) {
            ObjectNode node = schemas.addObject();
            node.put("id", schema.id());
            node.put("schemaType", schema.schemaType());
            node.put("schema", schema.canonical());
            ArrayNode references = node.putArray("references");
            schema.references().forEach(ref -> references.addObject().put("name", ref.name())
                    .put("subject", ref.subject()).put("version", ref.version()));
        }
        ArrayNode subjectNodes = state.putArray("subjects");
        for (Subject subject : subjects.values()) {
            ObjectNode node = subjectNodes.addObject();
            node.put("name", subject.name);
            if (subject.compatibility != null) {
                node.put("compatibility", subject.compatibility.name());
            }
            ArrayNode versions = node.putArray("versions");
            subject.versions.values().forEach(version -> versions.addObject().put("version", version.number())
                    .put("id", version.id()).put("deleted", version.deleted()));
        }
        store.write(state);
    }

    private void restore(JsonNode state) {
        globalLevel = CompatibilityLevel.named(state.path("globalCompatibility").asText("BACKWARD"));
        for (JsonNode node : state.path("subjects")) {
            Subject subject = new Subject(node.path("name").asText());
            if (node.hasNonNull("compatibility")) {
                subject.compatibility = CompatibilityLevel.named(node.path("compatibility").asText());
            }
            for (JsonNode version : node.path("versions")) {
                int number = version.path("version").asInt();
                subject.versions.put(number, new Version(number, version.path("id").asInt(),
                        version.path("deleted").asBoolean()));
            }
            subjects.put(subject.name, subject);
        }
        // Ids grow in registration order and a reference always names an older schema, so this order parses.
        for (JsonNode node : state.path("schemas")) {
            List<SchemaText.Reference> references = new ArrayList<>();
            node.path("references").forEach(ref -> references.add(new SchemaText.Reference(
                    ref.path("name").asText(), ref.path("subject").asText(), ref.path("version").asInt())));
            StoredSchema parsed = parse(new SchemaText(node.path("schema").asText(),
                    node.path("schemaType").asText(), references));
            StoredSchema stored = new StoredSchema(node.path("id").asInt(), parsed.canonical(), parsed.schemaType(),
                    parsed.references(), parsed.parsed());
            schemasById.put(stored.id(), stored);
            idsByIdentity.put(stored.identity(), stored.id());
        }
        nextId = Math.max(state.path("nextId").asInt(1),
                schemasById.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1);
    }

    private record Version(int number, int id, boolean deleted) {

        Version asDeleted() {
            return new Version(number, id, true);
        }
    }

    private final class Subject {

        private final String name;
        private final TreeMap<Integer, Version> versions = new TreeMap<>();
        private CompatibilityLevel compatibility;

        Subject(String name) {
            this.name = name;
        }

        List<Integer> numbers(boolean includeDeleted) {
            return versions.values().stream().filter(v -> includeDeleted || !v.deleted()).map(Version::number)
                    .toList();
        }

        int highestVersion() {
            return versions.isEmpty() ? 0 : versions.lastKey();
        }

        Optional<Version> find(String identity, boolean includeDeleted) {
            return versions.values().stream()
                    .filter(v -> includeDeleted || !v.deleted())
                    .filter(v -> schemasById.get(v.id()).identity().equals(identity))
                    .reduce((first, second) -> !first.deleted() ? first : second);
        }

        Optional<Version> resolve(int requested, boolean includeDeleted) {
            if (requested == LATEST) {
                return versions.descendingMap().values().stream()
                        .filter(v -> includeDeleted || !v.deleted()).findFirst();
            }
            Version version = versions.get(requested);
            return version == null || (version.deleted() && !includeDeleted) ? Optional.empty()
                    : Optional.of(version);
        }

        List<Schema> liveSchemas() {
            return versions.values().stream().filter(v -> !v.deleted())
                    .map(v -> schemasById.get(v.id()).parsed()).toList();
        }
    }
}
