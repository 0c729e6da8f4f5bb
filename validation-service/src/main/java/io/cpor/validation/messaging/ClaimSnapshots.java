package io.cpor.validation.messaging;

import io.cpor.events.claims.Claim;
import io.cpor.events.claims.DocumentReference;
import io.cpor.validation.domain.ClaimSnapshot;

/** The contract's claim record as the domain's snapshot. */
final class ClaimSnapshots {

    private ClaimSnapshots() {
    }

    static ClaimSnapshot of(Claim claim) {
        var customer = claim.getCustomer();
        var contact = customer.getContact();
        return new ClaimSnapshot(claim.getPartnerId(), claim.getName(), customer.getTenantId(), customer.getDomain(),
                customer.getLocale(), new ClaimSnapshot.Person(contact.getName(), contact.getTitle(),
                        contact.getEmail()),
                new ClaimSnapshot.Person(claim.getPartnerContact().getName(), null,
                        claim.getPartnerContact().getEmail()),
                claim.getSolutionArea(), claim.getProgram(), claim.getPartnerRole(), claim.getWorkloads(),
                claim.getSubscriptionId(), document(claim.getProofOfExecution()),
                claim.getTechnicalContact() == null ? null : new ClaimSnapshot.TechnicalContact(
                        claim.getTechnicalContact().getName(), claim.getTechnicalContact().getEmail(),
                        claim.getTechnicalContact().getPhone()),
                claim.getComments(), claim.getProgramTermsAccepted(), claim.getIncentiveOptOut());
    }

    static ClaimSnapshot.DocumentRef document(DocumentReference reference) {
        return reference == null ? null : new ClaimSnapshot.DocumentRef(reference.getFileName(),
                reference.getMediaType(), reference.getSizeBytes(), reference.getSha256(), reference.getUri());
    }
}
