package io.cpor.claims.domain;

import java.util.List;
import java.util.UUID;

/**
 * What the partner submitted, as submitted (or as amended while a validator's question was open).
 *
 * @param technicalContact the partner's technical person, for Business Applications claims (null otherwise)
 * @param comments the partner's comments at submission, if any
 * @param programTermsAccepted the partner accepted the program's terms (required to submit)
 * @param incentiveOptOut the partner wants the association recognised without earning the incentive
 */
public record ClaimDetails(String partnerId, String name, Customer customer, PartnerContact partnerContact,
        String solutionArea, String program, String partnerRole, List<String> workloads, String subscriptionId,
        DocumentRef proofOfExecution, TechnicalContact technicalContact, String comments,
        boolean programTermsAccepted, boolean incentiveOptOut) {

    public ClaimDetails {
        workloads = List.copyOf(workloads);
    }

    /** These details with what a partner may change while a validator's question is open replaced. */
    ClaimDetails amended(Amendment amendment) {
        return new ClaimDetails(partnerId, name, new Customer(customer.tenantId(), customer.domain(),
                customer.locale(), amendment.customerContact()), amendment.partnerContact(), solutionArea, program,
                partnerRole, amendment.workloads(), subscriptionId, amendment.proofOfExecution(),
                amendment.technicalContact(), comments, programTermsAccepted, incentiveOptOut);
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

    /** The partner's technical person for a Business Applications deployment: name, email, optional phone. */
    public record TechnicalContact(String name, String email, String phone) {
    }

    /** A document the partner keeps: name, media type, size, SHA-256 and an https location. */
    public record DocumentRef(String fileName, String mediaType, long sizeBytes, String sha256, String uri) {
    }

    /**
     * What a partner may change in a claim while a validator's question is open: the contacts, the workloads (of the
     * same program), the proof; and a comment to add. Fields not changed carry their current values.
     */
    public record Amendment(CustomerContact customerContact, PartnerContact partnerContact,
            TechnicalContact technicalContact, List<String> workloads, DocumentRef proofOfExecution,
            String comment) {

        public Amendment {
            workloads = List.copyOf(workloads);
        }
    }
}
