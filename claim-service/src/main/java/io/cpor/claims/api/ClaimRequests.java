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
                request.proofOfExecution() == null ? null : document(request.proofOfExecution()));
    }

    static ClaimDetails.DocumentRef document(ClaimRequest.DocumentRequest document) {
        return new ClaimDetails.DocumentRef(document.fileName(), document.mediaType(), document.sizeBytes(),
                document.sha256().toLowerCase(java.util.Locale.ROOT), document.uri());
    }
}
