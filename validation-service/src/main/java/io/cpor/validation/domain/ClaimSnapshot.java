package io.cpor.validation.domain;

import java.util.List;
import java.util.UUID;

/** The claim as the partner submitted it: what the checks read and what the review carries to validators. */
public record ClaimSnapshot(String partnerId, String name, UUID tenantId, String domain, String locale,
        Person customerContact, Person partnerContact, String solutionArea, String program, String partnerRole,
        List<String> workloads, String subscriptionId, DocumentRef proofOfExecution) {

    public ClaimSnapshot {
        workloads = List.copyOf(workloads);
    }

    /** A person: name, optional title, email. */
    public record Person(String name, String title, String email) {
    }

    /** A document the partner keeps. */
    public record DocumentRef(String fileName, String mediaType, long sizeBytes, String sha256, String uri) {
    }
}
