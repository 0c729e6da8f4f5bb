package io.cpor.schemas.datacontract;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rules of a schema version: migration rules between versions, domain rules on the values written and read,
 * encoding rules on the bytes, and where they may run ({@code enableAt}: {@code ALL} or {@code CLIENT} lets a
 * client serde run them).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"migrationRules", "domainRules", "encodingRules", "enableAt"})
public record RuleSet(List<Rule> migrationRules, List<Rule> domainRules, List<Rule> encodingRules,
        String enableAt) {

    public RuleSet {
        migrationRules = migrationRules == null ? List.of() : List.copyOf(migrationRules);
        domainRules = domainRules == null ? List.of() : List.copyOf(domainRules);
        encodingRules = encodingRules == null ? List.of() : List.copyOf(encodingRules);
    }

    /** Refuses what Confluent's registry refuses, with its reasons: names, types, actions and modes per kind. */
    public void validate() {
        Set<String> names = new HashSet<>();
        validate(migrationRules, names, true, "Migration rules can only be UPGRADE, DOWNGRADE, UPDOWN");
        validate(domainRules, names, false, "Domain rules can only be WRITE, READ, WRITEREAD");
        validate(encodingRules, names, false, "Encoding rules can only be WRITE, READ, WRITEREAD");
        if (enableAt != null && !List.of("ALL", "CLIENT", "GATEWAY", "SERVER", "NONE").contains(enableAt)) {
            throw new RuleException("Unknown enableAt '" + enableAt + "'");
        }
    }

    /** Whether a client serde may run these rules. */
    @JsonIgnore
    public boolean enabledAtClient() {
        return enableAt == null || enableAt.equals("ALL") || enableAt.equals("CLIENT");
    }

    @JsonIgnore
    public boolean isEmpty() {
        return migrationRules.isEmpty() && domainRules.isEmpty() && encodingRules.isEmpty();
    }

    /**
     * Confluent's merge: per list, the older rules not named again by the newer side, then the newer ones; the
     * newer side's {@code enableAt} if it has one.
     */
    public static RuleSet merge(RuleSet older, RuleSet newer) {
        if (older == null) {
            return newer;
        }
        if (newer == null) {
            return older;
        }
        return new RuleSet(merge(older.migrationRules, newer.migrationRules),
                merge(older.domainRules, newer.domainRules), merge(older.encodingRules, newer.encodingRules),
                newer.enableAt != null ? newer.enableAt : older.enableAt);
    }

    private static List<Rule> merge(List<Rule> older, List<Rule> newer) {
        Set<String> renamed = new HashSet<>();
        newer.forEach(rule -> renamed.add(rule.name()));
        List<Rule> merged = new ArrayList<>();
        older.stream().filter(rule -> !renamed.contains(rule.name())).forEach(merged::add);
        merged.addAll(newer);
        return merged;
    }

    private static void validate(List<Rule> rules, Set<String> names, boolean migration, String wrongMode) {
        for (Rule rule : rules) {
            if (rule == null) {
                throw new RuleException("Missing rule");
            }
            if (!names.add(rule.name())) {
                throw new RuleException("Found rule with duplicate name '" + rule.name() + "'");
            }
            rule.validate();
            if (rule.mode().isMigration() != migration) {
                throw new RuleException(wrongMode);
            }
        }
    }

    /** Every rule, in the order a reader meets them. */
    public Stream<Rule> all() {
        return Stream.of(migrationRules, domainRules, encodingRules).flatMap(List::stream);
    }
}
