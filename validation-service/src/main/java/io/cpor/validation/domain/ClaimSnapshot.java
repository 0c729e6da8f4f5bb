package io.cpor.validation.domain;

import java.util.List;
import java.util.UUID;

/** The claim as the partner submitted it: what the checks read and what the review carries to validators. */
public record ClaimSnapshot(String partnerId, String name, UUID tenantId, String domain, String locale,
        Person customerContact, Person partnerContact, String solutionArea, String program, String partnerRole,
        List<String> workloads, String subscriptionId, DocumentRef proofOfExecution,
        TechnicalContact technicalContact, String comments, boolean programTermsAccepted,
        boolean incentiveOptOut) {

    public ClaimSnapshot {
        workloads = List.copyOf(workloads);
    }

    /** A person: name, optional title, email. */
    public record Person(String name, String title, String email) {
    }

    /** The partner's technical person (Business Applications claims): name, email, optional phone. */
    public record TechnicalContact(String name, String email, String phone) {
    }

    /** A document the partner keeps. */
    public record DocumentRef(String fileName, String mediaType, long sizeBytes, String sha256, String uri) {
    }
}
