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

    /**
     * Whether {@code other} is this claim as a partner may change it while a question is open: the same partner,
     * name, customer tenant, domain and language, catalog codes and subscription (only contacts, workloads, proof and
     * comments change).
     */
    public boolean sameClaimAs(ClaimSnapshot other) {
        return partnerId.equals(other.partnerId) && name.equals(other.name) && tenantId.equals(other.tenantId)
                && domain.equals(other.domain) && java.util.Objects.equals(locale, other.locale)
                && solutionArea.equals(other.solutionArea) && program.equals(other.program)
                && partnerRole.equals(other.partnerRole)
                && java.util.Objects.equals(subscriptionId, other.subscriptionId);
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
