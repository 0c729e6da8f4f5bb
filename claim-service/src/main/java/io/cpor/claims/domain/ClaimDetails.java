package io.cpor.claims.domain;

import java.util.List;
import java.util.UUID;

/** What the partner submitted, as submitted. */
public record ClaimDetails(String partnerId, String name, Customer customer, PartnerContact partnerContact,
        String solutionArea, String program, String partnerRole, List<String> workloads, String subscriptionId,
        DocumentRef proofOfExecution) {

    public ClaimDetails {
        workloads = List.copyOf(workloads);
    }

    /** The customer: tenant, domain, the language of their emails and the person notified. */
    public record Customer(UUID tenantId, String domain, String locale, CustomerContact contact) {
    }

    /** The customer person who is notified. */
    public record CustomerContact(String name, String title, String email) {
    }

    /** The partner person who hears about the claim. */
    public record PartnerContact(String name, String email) {
    }

    /** A document the partner keeps: name, media type, size, SHA-256 and an https location. */
    public record DocumentRef(String fileName, String mediaType, long sizeBytes, String sha256, String uri) {
    }
}
