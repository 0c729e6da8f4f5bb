package io.cpor.schemas.datacontract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One rule of a data contract: a CEL condition, a JSONata migration, a field encryption... The registry stores it
 * and hands it on; which executor runs it ({@code type}) is the client's business. Defaults as Confluent's: kind
 * {@code TRANSFORM}, mode {@code WRITEREAD}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "doc", "kind", "mode", "type", "tags", "params", "expr", "onSuccess", "onFailure",
        "disabled"})
public record Rule(String name, String doc, RuleKind kind, RuleMode mode, String type, SortedSet<String> tags,
        SortedMap<String, String> params, String expr, String onSuccess, String onFailure, boolean disabled) {

    private static final int MAX_NAME_LENGTH = 256;

    @JsonCreator
    public Rule(@JsonProperty("name") String name, @JsonProperty("doc") String doc,
            @JsonProperty("kind") RuleKind kind, @JsonProperty("mode") RuleMode mode,
            @JsonProperty("type") String type, @JsonProperty("tags") Set<String> tags,
            @JsonProperty("params") Map<String, String> params, @JsonProperty("expr") String expr,
            @JsonProperty("onSuccess") String onSuccess, @JsonProperty("onFailure") String onFailure,
            @JsonProperty("disabled") boolean disabled) {
        this(name, doc, kind, mode, type, tags == null ? null : new TreeSet<>(tags),
                params == null ? null : new TreeMap<>(params), expr, onSuccess, onFailure, disabled);
    }

    public Rule {
        kind = kind == null ? RuleKind.TRANSFORM : kind;
        mode = mode == null ? RuleMode.WRITEREAD : mode;
        tags = Collections.unmodifiableSortedSet(tags == null ? new TreeSet<>() : tags);
        params = Collections.unmodifiableSortedMap(params == null ? new TreeMap<>() : params);
    }

    /**
     * The action to take when the rule fails ({@code ERROR} unless it says otherwise), in the given moment: a rule
     * of both directions may name two, {@code "write,read"} or {@code "upgrade,downgrade"}.
     */
    public String failureAction(RuleMode moment) {
        return action(onFailure, moment, "ERROR");
    }

    private String action(String actions, RuleMode moment, String fallback) {
        if (actions == null || actions.isBlank()) {
            return fallback;
        }
        String[] parts = actions.split(",", -1);
        if (parts.length == 2 && (mode == RuleMode.WRITEREAD || mode == RuleMode.UPDOWN)) {
            String chosen = moment == RuleMode.READ || moment == RuleMode.DOWNGRADE ? parts[1] : parts[0];
            return chosen.isBlank() ? fallback : chosen.trim();
        }
        return actions.trim();
    }

    void validate() {
        if (name == null) {
            throw new RuleException("Missing rule name");
        }
        if (name.isEmpty()) {
            throw new RuleException("Empty rule name");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new RuleException("Rule name too long");
        }
        char first = name.charAt(0);
        if (!Character.isLetter(first) && first != '_') {
            throw new RuleException("Illegal initial character in rule name: " + name);
        }
        if (!name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
            throw new RuleException("Illegal character in rule name: " + name);
        }
        if (type == null) {
            throw new RuleException("Missing rule type");
        }
        validateActions(onSuccess);
        validateActions(onFailure);
    }

    private void validateActions(String actions) {
        if (actions != null && actions.contains(",") && mode != RuleMode.WRITEREAD && mode != RuleMode.UPDOWN) {
            throw new RuleException("Multiple actions only valid with WRITEREAD and UPDOWN");
        }
    }
}
