package io.cpor.validation.domain;

import java.util.Set;

/** What a proof of execution must be: one of these media types, at most this large, at an https location. */
public record ProofRules(Set<String> mediaTypes, long maxSizeBytes) {

    public ProofRules {
        mediaTypes = Set.copyOf(mediaTypes);
    }
}
