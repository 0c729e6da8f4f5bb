package io.cpor.schemas.serde;

import io.cpor.schemas.datacontract.Rule;
import io.cpor.schemas.datacontract.RuleMode;
import io.cpor.schemas.datacontract.RuleSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/**
 * What this serde does with the rules of a data contract. It has no rule executors (no CEL, JSONata or field
 * encryption), so, as Confluent's serde does for a rule whose executor is not there, a rule that applies to the moment
 * takes its failure action: {@code ERROR} (the default) refuses the record naming the rule, {@code NONE} lets it
 * through and skips the phase's remaining rules. A rule is never skipped silently; disabled rules, rules of another
 * moment and rule sets not enabled at clients do not apply.
 */
final class ContractRules {

    private ContractRules() {
    }

    /** Applies the domain and encoding rules of a write: domain rules first, in order, then encoding rules. */
    static void onWrite(RuleSet ruleSet, String where) {
        if (applicable(ruleSet)) {
            phase(ruleSet.domainRules(), RuleMode.WRITE, where);
            phase(ruleSet.encodingRules(), RuleMode.WRITE, where);
        }
    }

    /** Applies the rules of a read: the writer's encoding rules, then the reader's domain rules in reverse order. */
    static void onRead(RuleSet writer, RuleSet reader, String where) {
        if (applicable(writer)) {
            phase(writer.encodingRules(), RuleMode.READ, where);
        }
        if (applicable(reader)) {
            List<Rule> reversed = new ArrayList<>(reader.domainRules());
            Collections.reverse(reversed);
            phase(reversed, RuleMode.READ, where);
        }
    }

    /** Applies the migration rules of one step between versions ({@code UPGRADE} or {@code DOWNGRADE}). */
    static void onMigration(RuleSet ruleSet, RuleMode direction, String where) {
        if (applicable(ruleSet)) {
            phase(ruleSet.migrationRules(), direction, where);
        }
    }

    private static boolean applicable(RuleSet ruleSet) {
        return ruleSet != null && ruleSet.enabledAtClient();
    }

    private static void phase(List<Rule> rules, RuleMode moment, String where) {
        for (Rule rule : rules) {
            if (rule.disabled() || !rule.mode().appliesTo(moment)) {
                continue;
            }
            String action = rule.failureAction(moment);
            if (action.equals("NONE")) {
                return;
            }
            String reason = action.equals("ERROR")
                    ? "this serde has no executor for rules of type " + rule.type()
                    : "this serde has no executor for rules of type " + rule.type() + " nor the action " + action;
            throw new SerializationException("Rule " + rule.name() + " (" + rule.type() + ", " + moment + ") of "
                    + where + " failed: " + reason + "; the record is refused rather than the rule ignored");
        }
    }
}
