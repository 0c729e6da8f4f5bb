package io.cpor.local.registry;

import io.cpor.schemas.compat.CompatibilityLevel;
import io.cpor.schemas.datacontract.Metadata;
import io.cpor.schemas.datacontract.RuleSet;

/**
 * A registry config, global or a subject's, as Confluent keeps it: every part optional (null: not set here).
 * {@code compatibilityGroup} names a metadata property: a new version is checked only against versions with the same
 * value of it. The default metadata and rule set are merged under what a registration brings, the override ones over
 * it.
 */
record RegistryConfig(CompatibilityLevel compatibilityLevel, Boolean normalize, Boolean validateFields,
        String compatibilityGroup, Metadata defaultMetadata, Metadata overrideMetadata, RuleSet defaultRuleSet,
        RuleSet overrideRuleSet) {

    static final RegistryConfig EMPTY = new RegistryConfig(null, null, null, null, null, null, null, null);

    /**
     * The config in force for a subject: its own where it has one; normalization, field validation and the
     * compatibility group fall back to the global config, the level to the global one and then {@code BACKWARD}.
     * Default and override contracts come from the subject's config when it has one (as Confluent does).
     */
    static RegistryConfig inScope(RegistryConfig global, RegistryConfig subject) {
        RegistryConfig top = global == null ? EMPTY : global;
        if (subject == null) {
            return top.withLevel(top.compatibilityLevel == null ? CompatibilityLevel.BACKWARD : top.compatibilityLevel);
        }
        return new RegistryConfig(
                first(subject.compatibilityLevel, top.compatibilityLevel, CompatibilityLevel.BACKWARD),
                first(subject.normalize, top.normalize, null), first(subject.validateFields, top.validateFields, null),
                first(subject.compatibilityGroup, top.compatibilityGroup, null), subject.defaultMetadata,
                subject.overrideMetadata, subject.defaultRuleSet, subject.overrideRuleSet);
    }

    boolean normalizes() {
        return Boolean.TRUE.equals(normalize);
    }

    /** Whether registrations are merged with contracts from this config (which turns off the quick lookup). */
    boolean hasContracts() {
        return defaultMetadata != null || overrideMetadata != null || defaultRuleSet != null
                || overrideRuleSet != null;
    }

    RegistryConfig withLevel(CompatibilityLevel level) {
        return new RegistryConfig(level, normalize, validateFields, compatibilityGroup, defaultMetadata,
                overrideMetadata, defaultRuleSet, overrideRuleSet);
    }

    boolean isEmpty() {
        return equals(EMPTY);
    }

    private static <T> T first(T one, T two, T three) {
        return one != null ? one : two != null ? two : three;
    }
}
