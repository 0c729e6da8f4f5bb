package io.cpor.local.registry;

import io.cpor.schemas.compat.CompatibilityLevel;
import io.cpor.schemas.datacontract.Metadata;
import io.cpor.schemas.datacontract.RuleException;
import io.cpor.schemas.datacontract.RuleSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The registry's rules and state, as Confluent's: global ids shared by every subject that registers the same schema
 * (text, references and data contract), versions per subject, data contracts inherited from the previous version and
 * merged with the config's defaults and overrides, soft and permanent deletes, configs and modes, global and per
 * subject. Every change is stored before it is answered.
 */
final class SchemaRegistry {

    /** The version string meaning the newest live version. */
    static final int LATEST = -1;

    private final RegistryStore store;
    private final Clock clock;
    private final Map<Integer, StoredSchema> schemasById = new TreeMap<>();
    private final Map<String, Integer> idsByIdentity = new HashMap<>();
    private final Map<String, Subject> subjects = new TreeMap<>();
    private RegistryConfig globalConfig = RegistryConfig.EMPTY;
    private RegistryMode globalMode;
    private int nextId = 1;

    SchemaRegistry(RegistryStore store) {
        this(store, Clock.systemUTC());
    }

    SchemaRegistry(RegistryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        store.read().ifPresent(state -> RegistryState.restore(state, this));
    }

    /**
     * Registers the schema as the subject's next version, or answers the version that already holds it, as
     * Confluent's registry decides: an equal schema with equal metadata and rules is found without any write (even in
     * read-only mode); a request without metadata or rules inherits the previous version's; the config's default
     * contracts go under it and its overrides over it; the same schema with other metadata is a new version.
     */
    synchronized RegisteredVersion register(String subjectName, SchemaText request, boolean normalizeAsked,
            boolean force) {
        validRuleSet(request.ruleSet());
        validSubject(subjectName);
        RegistryConfig config = configInScope(subjectName);
        boolean normalize = normalizeAsked || config.normalizes();
        Subject existing = subjects.get(subjectName);
        if (!config.hasContracts() && existing != null && !request.blank()) {
            StoredSchema asSent = parse(request, normalize);
            Optional<RegisteredVersion> found = existing.match(asSent, false, request.version());
            if (found.isPresent() && (request.id() == null || request.id() == found.get().schema().id())) {
                return found.get();
            }
        }
        RegistryMode mode = modeOf(subjectName);
        if (mode.readOnly()) {
            throw RegistryException.readOnly(subjectName);
        }
        if (mode == RegistryMode.IMPORT) {
            return importVersion(subjectName, request);
        }
        if (request.id() != null && request.id() >= 0) {
            throw RegistryException.notImportMode(subjectName);
        }
        Subject subject = subjects.computeIfAbsent(subjectName, Subject::new);
        try {
            return registerNew(subject, request, config, normalize, force);
        }
        finally {
            dropIfEmpty(subject);
        }
    }

    private RegisteredVersion registerNew(Subject subject, SchemaText request, RegistryConfig config,
            boolean normalize, boolean force) {
        int number = subject.highestVersion() + 1;
        Optional<RegisteredVersion> previous = subject.latestLive();
        SchemaText complete = request;
        if (request.blank()) {
            StoredSchema from = previous.orElseThrow(() -> new RegistryException(422, 42201, "Empty schema"))
                    .schema();
            complete = request.withSchema(from.canonical(), from.schemaType(), from.references());
        }
        complete = withContracts(complete, config, previous.map(RegisteredVersion::schema), number);
        StoredSchema candidate = parse(complete, normalize, Boolean.TRUE.equals(config.validateFields()));
        Optional<RegisteredVersion> same = subject.match(candidate, false, null);
        if (same.isPresent()) {
            return same.get();
        }
        if (!force) {
            List<String> problems = config.compatibilityLevel().incompatibilities(candidate.parsed(),
                    subject.liveSchemas(inGroup(config, candidate)));
            if (!problems.isEmpty()) {
                throw RegistryException.incompatibleSchema(subject.name, problems);
            }
        }
        if (request.version() != null && request.version() > 0 && request.version() != number) {
            throw new RegistryException(422, 42201, "Version is not one more than previous version");
        }
        Integer existingId = idsByIdentity.get(candidate.identity());
        StoredSchema stored = existingId != null ? schemasById.get(existingId) : assignId(candidate, nextId);
        // Registering a schema again after a soft delete brings it back as a new version; the deleted one goes.
        subject.versions.values().removeIf(version -> version.deleted() && version.id() == stored.id());
        subject.versions.put(number, new Version(number, stored.id(), false, clock.millis()));
        save();
        return subject.registered(subject.versions.get(number));
    }

    /** An import keeps the id and version the schema had elsewhere: no inheritance, no compatibility check. */
    private RegisteredVersion importVersion(String subjectName, SchemaText request) {
        if (request.id() == null || request.id() < 1) {
            throw RegistryException.notReadWriteMode(subjectName);
        }
        StoredSchema candidate = parse(request, false);
        StoredSchema holder = schemasById.get(request.id());
        if (holder != null && !holder.identity().equals(candidate.identity())) {
            throw RegistryException.overwrite(request.id());
        }
        Subject subject = subjects.computeIfAbsent(subjectName, Subject::new);
        int number = request.version() != null && request.version() > 0 ? request.version()
                : subject.highestVersion() + 1;
        Version taken = subject.versions.get(number);
        if (taken != null && taken.id() != request.id()) {
            dropIfEmpty(subject);
            throw RegistryException.notPermitted("Version " + number + " of subject " + subjectName
                    + " already holds schema " + taken.id());
        }
        StoredSchema stored = holder != null ? holder : assignId(candidate, request.id());
        subject.versions.put(number, new Version(number, stored.id(), false, clock.millis()));
        save();
        return subject.registered(subject.versions.get(number));
    }

    /**
     * Finds the version of the subject holding the schema: as sent, then, if the subject has a live version, with the
     * contracts a registration would give it (inherited and merged with the config's).
     */
    synchronized RegisteredVersion lookup(String subjectName, SchemaText request, boolean includeDeleted,
            boolean normalizeAsked) {
        validRuleSet(request.ruleSet());
        Subject subject = subjects.get(subjectName);
        if (subject == null || subject.numbers(includeDeleted).isEmpty()) {
            throw RegistryException.subjectNotFound(subjectName);
        }
        RegistryConfig config = configInScope(subjectName);
        boolean normalize = normalizeAsked || config.normalizes();
        StoredSchema asSent = parse(request, normalize);
        Optional<RegisteredVersion> found = subject.match(asSent, includeDeleted, null);
        if (found.isEmpty() && subject.latestLive().isPresent()) {
            SchemaText completed = withContracts(request, config, subject.latestLive().map(RegisteredVersion::schema),
                    null);
            if (!completed.equals(request)) {
                found = subject.match(parse(completed, normalize), includeDeleted, null);
            }
        }
        return found.orElseThrow(RegistryException::schemaNotFound);
    }

    synchronized RegisteredVersion version(String subjectName, String versionText, boolean includeDeleted) {
        int requested = parseVersion(versionText);
        Subject subject = existing(subjectName, includeDeleted);
        Version version = subject.resolve(requested, includeDeleted)
                .orElseThrow(() -> RegistryException.versionNotFound(String.valueOf(requested)));
        return subject.registered(version);
    }

    /**
     * The newest version (live unless {@code includeDeleted}) whose metadata has every given property; with no
     * properties, the newest version that has metadata at all.
     */
    synchronized RegisteredVersion latestWithMetadata(String subjectName, Map<String, String> properties,
            boolean includeDeleted) {
        Subject subject = existing(subjectName, includeDeleted);
        return subject.versions.descendingMap().values().stream()
                .filter(version -> includeDeleted || !version.deleted())
                .map(subject::registered)
                .filter(version -> version.schema().metadata() != null
                        && version.schema().metadata().hasProperties(properties))
                .findFirst()
                .orElseThrow(RegistryException::schemaNotFound);
    }

    /** The versions of a subject: live ones, also deleted ones, only deleted ones, or all with deleted ones negated. */
    synchronized List<Integer> versions(String subjectName, boolean includeDeleted, boolean deletedOnly,
            boolean deletedAsNegative) {
        Subject subject = existing(subjectName, includeDeleted || deletedOnly || deletedAsNegative);
        return subject.versions.values().stream()
                .filter(v -> deletedAsNegative || (deletedOnly ? v.deleted() : includeDeleted || !v.deleted()))
                .map(v -> deletedAsNegative && v.deleted() ? -v.number() : v.number())
                .toList();
    }

    synchronized List<String> subjects(String prefix, boolean includeDeleted, boolean deletedOnly) {
        return subjects.values().stream()
                .filter(subject -> !subject.versions.isEmpty())
                .filter(subject -> deletedOnly ? subject.numbers(false).isEmpty()
                        : !subject.numbers(includeDeleted).isEmpty())
                .map(subject -> subject.name)
                .filter(name -> prefix == null || prefix.equals(":*:") || name.startsWith(prefix))
                .toList();
    }

    /** Every version of every subject (live unless {@code includeDeleted}), by subject and version. */
    synchronized List<RegisteredVersion> allVersions(String prefix, boolean includeDeleted, boolean latestOnly) {
        List<RegisteredVersion> all = new ArrayList<>();
        for (Subject subject : subjects.values()) {
            if (prefix != null && !subject.name.startsWith(prefix)) {
                continue;
            }
            List<RegisteredVersion> included = subject.versions.values().stream()
                    .filter(v -> includeDeleted || !v.deleted()).map(subject::registered).toList();
            all.addAll(latestOnly && !included.isEmpty() ? included.subList(included.size() - 1, included.size())
                    : included);
        }
        return all;
    }

    synchronized StoredSchema schema(int id) {
        StoredSchema schema = schemasById.get(id);
        if (schema == null) {
            throw RegistryException.schemaIdNotFound(id);
        }
        return schema;
    }

    synchronized StoredSchema schemaByGuid(String guid) {
        return schemasById.values().stream().filter(schema -> schema.guid().equals(guid)).findFirst()
                .orElseThrow(() -> new RegistryException(404, 40403, "Schema " + guid + " not found"));
    }

    synchronized int maxId() {
        return schemasById.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Every (subject, version) holding the schema with this id. */
    synchronized List<RegisteredVersion> usesOf(int id, boolean includeDeleted) {
        if (!schemasById.containsKey(id)) {
            throw RegistryException.schemaNotFound();
        }
        List<RegisteredVersion> uses = new ArrayList<>();
        for (Subject subject : subjects.values()) {
            for (Version version : subject.versions.values()) {
                if (version.id() == id && (includeDeleted || !version.deleted())) {
                    uses.add(subject.registered(version));
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
        writable(subjectName);
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
        writable(subjectName);
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
            if (subject.versions.isEmpty()) {
                // As in Confluent's registry, the last version going takes the subject's config and mode with it.
                subjects.remove(subjectName);
            }
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
     * its compatibility level; empty when it may. An unknown subject accepts anything. With a compatibility group,
     * only versions in the candidate's group count.
     */
    synchronized List<String> compatibility(String subjectName, String versionText, SchemaText text,
            boolean normalizeAsked) {
        validRuleSet(text.ruleSet());
        Integer requested = versionText == null ? null : parseVersion(versionText);
        RegistryConfig config = configInScope(subjectName);
        StoredSchema candidate = parse(text, normalizeAsked || config.normalizes());
        Subject subject = subjects.get(subjectName);
        if (subject == null || subject.numbers(false).isEmpty()) {
            if (requested != null && requested != LATEST) {
                throw RegistryException.versionNotFound(versionText);
            }
            return List.of();
        }
        List<Schema> against;
        if (requested == null) {
            against = subject.liveSchemas(inGroup(config, candidate));
        }
        else {
            Version version = subject.resolve(requested, false)
                    .orElseThrow(() -> RegistryException.versionNotFound(versionText));
            against = List.of(schemasById.get(version.id()).parsed());
        }
        return config.compatibilityLevel().incompatibilities(candidate.parsed(), against);
    }

    synchronized RegistryConfig globalConfig() {
        return globalConfig;
    }

    /** The subject's own config, if it has one. */
    synchronized Optional<RegistryConfig> subjectConfig(String subjectName) {
        Subject subject = subjectName == null ? null : subjects.get(subjectName);
        return subject == null ? Optional.empty() : Optional.ofNullable(subject.config);
    }

    synchronized RegistryConfig configInScope(String subjectName) {
        return RegistryConfig.inScope(globalConfig, subjectConfig(subjectName).orElse(null));
    }

    synchronized RegistryConfig updateGlobalConfig(RegistryConfig config) {
        if (globalModeOrDefault().readOnly()) {
            throw RegistryException.readOnly(null);
        }
        validConfig(config);
        globalConfig = config;
        save();
        return config;
    }

    synchronized RegistryConfig updateSubjectConfig(String subjectName, RegistryConfig config) {
        validSubject(subjectName);
        writable(subjectName);
        validConfig(config);
        Subject subject = subjects.computeIfAbsent(subjectName, Subject::new);
        subject.config = config.isEmpty() ? null : config;
        dropIfEmpty(subject);
        save();
        return config;
    }

    /** Resets the global config; returns what it was. */
    synchronized RegistryConfig deleteGlobalConfig() {
        RegistryConfig previous = globalConfig;
        globalConfig = RegistryConfig.EMPTY;
        save();
        return previous;
    }

    /** Removes the subject's own config; returns it, or fails with 40401 if it had none. */
    synchronized RegistryConfig deleteSubjectConfig(String subjectName) {
        Subject subject = subjects.get(subjectName);
        if (subject == null || subject.config == null) {
            throw RegistryException.subjectNotFound(subjectName);
        }
        writable(subjectName);
        RegistryConfig previous = subject.config;
        subject.config = null;
        dropIfEmpty(subject);
        save();
        return previous;
    }

    synchronized Optional<RegistryMode> globalMode() {
        return Optional.ofNullable(globalMode);
    }

    synchronized Optional<RegistryMode> subjectMode(String subjectName) {
        Subject subject = subjects.get(subjectName);
        return subject == null ? Optional.empty() : Optional.ofNullable(subject.mode);
    }

    /** The mode in force for a subject: its own, else the global one, else {@code READWRITE}. */
    synchronized RegistryMode modeOf(String subjectName) {
        return subjectMode(subjectName).orElse(globalModeOrDefault());
    }

    /** Sets (or with null clears) the global mode; IMPORT only into an empty registry unless forced. */
    synchronized void globalMode(RegistryMode mode, boolean force) {
        if (mode == RegistryMode.IMPORT && globalMode != RegistryMode.IMPORT && !force
                && subjects.values().stream().anyMatch(subject -> !subject.numbers(false).isEmpty())) {
            throw RegistryException.notPermitted("Cannot import since found existing subjects");
        }
        globalMode = mode;
        save();
    }

    synchronized void subjectMode(String subjectName, RegistryMode mode, boolean force) {
        validSubject(subjectName);
        Subject subject = subjects.computeIfAbsent(subjectName, Subject::new);
        if (mode == RegistryMode.IMPORT && subject.mode != RegistryMode.IMPORT && !force
                && !subject.numbers(false).isEmpty()) {
            dropIfEmpty(subject);
            throw RegistryException.notPermitted("Cannot import since found existing subjects");
        }
        subject.mode = mode;
        dropIfEmpty(subject);
        save();
    }

    /** Removes the subject's own mode; returns it, or fails with 40401 if it had none. */
    synchronized RegistryMode deleteSubjectMode(String subjectName) {
        Subject subject = subjects.get(subjectName);
        if (subject == null || subject.mode == null) {
            throw RegistryException.subjectNotFound(subjectName);
        }
        RegistryMode previous = subject.mode;
        subject.mode = null;
        dropIfEmpty(subject);
        save();
        return previous;
    }

    synchronized RegistryMode deleteGlobalMode() {
        RegistryMode previous = globalModeOrDefault();
        globalMode = null;
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

    /**
     * The request with the data contract a registration gives it: its own metadata and rules, or the previous
     * version's when it brings none, with the config's defaults under and overrides over them; and
     * {@code confluent:version} set to the new version when the contract carries that property.
     */
    private static SchemaText withContracts(SchemaText request, RegistryConfig config, Optional<StoredSchema> previous,
            Integer newVersion) {
        Metadata specific = request.metadata() != null ? request.metadata()
                : previous.map(StoredSchema::metadata).orElse(null);
        RuleSet rules = request.ruleSet() != null ? request.ruleSet() : previous.map(StoredSchema::ruleSet).orElse(null);
        Metadata metadata = Metadata.merge(Metadata.merge(config.defaultMetadata(), specific),
                config.overrideMetadata());
        RuleSet ruleSet = RuleSet.merge(RuleSet.merge(config.defaultRuleSet(), rules), config.overrideRuleSet());
        if (newVersion != null && metadata != null && (request.version() != null && request.version() != 0
                || metadata.properties().containsKey(Metadata.VERSION_PROPERTY))) {
            metadata = metadata.withProperty(Metadata.VERSION_PROPERTY, String.valueOf(newVersion));
        }
        return request.withContract(metadata, ruleSet);
    }

    private static Predicate<StoredSchema> inGroup(RegistryConfig config, StoredSchema candidate) {
        String group = config.compatibilityGroup();
        if (group == null) {
            return schema -> true;
        }
        String value = propertyOf(candidate, group);
        return schema -> Objects.equals(propertyOf(schema, group), value);
    }

    private static String propertyOf(StoredSchema schema, String key) {
        return schema.metadata() == null ? null : schema.metadata().properties().get(key);
    }

    private RegistryMode globalModeOrDefault() {
        return globalMode == null ? RegistryMode.READWRITE : globalMode;
    }

    private void writable(String subjectName) {
        if (modeOf(subjectName).readOnly()) {
            throw RegistryException.readOnly(subjectName);
        }
    }

    private Subject existing(String subjectName, boolean includeDeleted) {
        Subject subject = subjects.get(subjectName);
        if (subject == null || subject.numbers(includeDeleted).isEmpty()) {
            throw RegistryException.subjectNotFound(subjectName);
        }
        return subject;
    }

    private void dropIfEmpty(Subject subject) {
        if (subject.versions.isEmpty() && subject.config == null && subject.mode == null) {
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

    private StoredSchema assignId(StoredSchema candidate, int id) {
        StoredSchema stored = candidate.withId(id);
        schemasById.put(id, stored);
        idsByIdentity.put(stored.identity(), id);
        nextId = Math.max(nextId, id + 1);
        return stored;
    }

    private static void validRuleSet(RuleSet ruleSet) {
        if (ruleSet == null) {
            return;
        }
        try {
            ruleSet.validate();
        }
        catch (RuleException e) {
            throw RegistryException.invalidRuleSet(e.getMessage());
        }
    }

    private static void validConfig(RegistryConfig config) {
        validRuleSet(config.defaultRuleSet());
        validRuleSet(config.overrideRuleSet());
    }

    StoredSchema parse(SchemaText text, boolean normalize) {
        return parse(text, normalize, false);
    }

    /** Parses as Avro does; {@code strictNames} (the config's {@code validateFields}) holds names to Avro's spec. */
    StoredSchema parse(SchemaText text, boolean normalize, boolean strictNames) {
        if (!"AVRO".equals(text.schemaType())) {
            throw new RegistryException(422, 42201, "Invalid schema of type " + text.schemaType()
                    + ": this registry stores Avro schemas only");
        }
        if (text.blank()) {
            throw new RegistryException(422, 42201, "Empty schema");
        }
        Schema.Parser parser = strictNames ? new Schema.Parser(NameValidator.STRICT_VALIDATOR) : new Schema.Parser();
        Map<String, Schema> referencedTypes = new LinkedHashMap<>();
        List<SchemaText.Reference> references = normalize ? List.copyOf(new TreeSet<>(text.references()))
                : text.references();
        for (SchemaText.Reference reference : references) {
            addReferencedTypes(reference, parser, referencedTypes);
        }
        try {
            Schema parsed = parser.parse(text.schema());
            String printed = referencedTypes.isEmpty() ? parsed.toString()
                    : parsed.toString(referencedTypes.values(), false);
            String normalized = AvroNormalizer.normalize(printed);
            return new StoredSchema(0, normalize ? normalized : printed, "AVRO", references, text.metadata(),
                    text.ruleSet(), parsed, normalized);
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
        if (named(referenced.parsed()) && referencedTypes.containsKey(referenced.parsed().getFullName())) {
            return;
        }
        Schema parsed = parser.parse(referenced.canonical());
        if (named(parsed)) {
            referencedTypes.put(parsed.getFullName(), parsed);
        }
    }

    private static boolean named(Schema schema) {
        return schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM
                || schema.getType() == Schema.Type.FIXED;
    }

    private static void validSubject(String subjectName) {
        if (subjectName == null || subjectName.isBlank() || subjectName.equals("__GLOBAL")
                || subjectName.equals("__EMPTY") || subjectName.chars().anyMatch(Character::isISOControl)) {
            throw RegistryException.invalidSubject(subjectName);
        }
    }

    private void save() {
        store.write(RegistryState.of(this));
    }

    // The state, for RegistryState to store and restore.

    Map<Integer, StoredSchema> schemasById() {
        return schemasById;
    }

    Map<String, Subject> subjectsByName() {
        return subjects;
    }

    RegistryConfig storedGlobalConfig() {
        return globalConfig;
    }

    RegistryMode storedGlobalMode() {
        return globalMode;
    }

    int nextId() {
        return nextId;
    }

    void restored(RegistryConfig config, RegistryMode mode, int next) {
        globalConfig = config;
        globalMode = mode;
        nextId = Math.max(next, maxId() + 1);
        schemasById.values().forEach(schema -> idsByIdentity.put(schema.identity(), schema.id()));
    }

    record Version(int number, int id, boolean deleted, long timestamp) {

        Version asDeleted() {
            return new Version(number, id, true, timestamp);
        }
    }

    final class Subject {

        final String name;
        final TreeMap<Integer, Version> versions = new TreeMap<>();
        RegistryConfig config;
        RegistryMode mode;

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

        RegisteredVersion registered(Version version) {
            return new RegisteredVersion(name, version.number(), schemasById.get(version.id()), version.timestamp(),
                    version.deleted());
        }

        Optional<RegisteredVersion> latestLive() {
            return versions.descendingMap().values().stream().filter(v -> !v.deleted()).findFirst()
                    .map(this::registered);
        }

        /**
         * The version holding this schema: the exact one if there is one, else the newest that is the same schema
         * written another way; a live one before a deleted one. {@code onlyVersion} -1 looks at the latest only.
         */
        Optional<RegisteredVersion> match(StoredSchema candidate, boolean includeDeleted, Integer onlyVersion) {
            List<Version> eligible = new ArrayList<>(versions.descendingMap().values().stream()
                    .filter(v -> includeDeleted || !v.deleted())
                    .limit(onlyVersion != null && onlyVersion == LATEST ? 1 : Long.MAX_VALUE).toList());
            eligible.sort((a, b) -> Boolean.compare(a.deleted(), b.deleted()));
            String identity = candidate.identity();
            return eligible.stream().filter(v -> schemasById.get(v.id()).identity().equals(identity)).findFirst()
                    .or(() -> eligible.stream().filter(v -> schemasById.get(v.id()).sameAs(candidate)).findFirst())
                    .map(this::registered);
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

        List<Schema> liveSchemas(Predicate<StoredSchema> included) {
            return versions.values().stream().filter(v -> !v.deleted())
                    .map(v -> schemasById.get(v.id())).filter(included).map(StoredSchema::parsed).toList();
        }
    }
}
