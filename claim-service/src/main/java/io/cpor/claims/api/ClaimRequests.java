package io.cpor.claims.api;

import io.cpor.claims.domain.ClaimDetails;
import java.util.UUID;

/** A validated request as the domain's claim details. */
final class ClaimRequests {

    private ClaimRequests() {
    }

    static ClaimDetails details(ClaimRequest request) {
        ClaimRequest.CustomerRequest customer = request.customer();
        return new ClaimDetails(request.partnerId(), request.name().strip(),
                new ClaimDetails.Customer(UUID.fromString(customer.tenantId()),
                        customer.domain().toLowerCase(java.util.Locale.ROOT),
                        customer.locale() == null ? "en" : customer.locale(),
                        new ClaimDetails.CustomerContact(customer.contact().name().strip(),
                                customer.contact().title() == null ? null : customer.contact().title().strip(),
                                customer.contact().email())),
                new ClaimDetails.PartnerContact(request.partnerContact().name().strip(),
                        request.partnerContact().email()),
                request.solutionArea(), request.program(), request.partnerRole(), request.workloads(),
                request.subscriptionId() == null ? null : request.subscriptionId().strip(),
                request.proofOfExecution() == null ? null : document(request.proofOfExecution()),
                technicalContact(request.technicalContact()),
                request.comments() == null || request.comments().isBlank() ? null : request.comments().strip(),
                Boolean.TRUE.equals(request.programTermsAccepted()), Boolean.TRUE.equals(request.incentiveOptOut()));
    }

    /**
     * The request that makes these details, as a base for a patch. The terms were accepted when the claim was
     * submitted (claims stored before that was asked read false), so the request says so.
     */
    static ClaimRequest request(ClaimDetails details) {
        ClaimDetails.Customer customer = details.customer();
        return new ClaimRequest(details.partnerId(), details.name(),
                new ClaimRequest.CustomerRequest(customer.tenantId().toString(), customer.domain(), customer.locale(),
                        new ClaimRequest.ContactRequest(customer.contact().name(), customer.contact().title(),
                                customer.contact().email())),
                new ClaimRequest.PartnerContactRequest(details.partnerContact().name(),
                        details.partnerContact().email()),
                details.solutionArea(), details.program(), details.partnerRole(), details.workloads(),
                details.subscriptionId(), ClaimView.document(details.proofOfExecution()),
                ClaimView.technical(details.technicalContact()), details.comments(), true, details.incentiveOptOut());
    }

    static ClaimDetails.TechnicalContact technicalContact(ClaimRequest.TechnicalContactRequest contact) {
        return contact == null ? null : new ClaimDetails.TechnicalContact(contact.name().strip(), contact.email(),
                contact.phone() == null ? null : contact.phone().strip());
    }

    /** Documents attached to an answer or a dispute; none when not given. */
    static java.util.List<ClaimDetails.DocumentRef> documents(java.util.List<ClaimRequest.DocumentRequest> documents) {
        return documents == null ? java.util.List.of() : documents.stream().map(ClaimRequests::document).toList();
    }

    static ClaimDetails.DocumentRef document(ClaimRequest.DocumentRequest document) {
        return new ClaimDetails.DocumentRef(document.fileName(), document.mediaType(), document.sizeBytes(),
                document.sha256().toLowerCase(java.util.Locale.ROOT), document.uri());
    }
}
