package io.cpor.claims.messaging;

import io.cpor.claims.domain.Claim;
import io.cpor.claims.domain.ClaimDetails;
import io.cpor.claims.domain.ClaimEvent;
import io.cpor.events.EventMetadata;
import io.cpor.events.claims.ClaimAmended;
import io.cpor.events.claims.ClaimChange;
import io.cpor.events.claims.ClaimDisputed;
import io.cpor.events.claims.ClaimInformationProvided;
import io.cpor.events.claims.ClaimSubmitted;
import io.cpor.events.claims.ClaimWithdrawn;
import io.cpor.events.claims.Customer;
import io.cpor.events.claims.CustomerContact;
import io.cpor.events.claims.DocumentReference;
import io.cpor.events.claims.PartnerContact;
import io.cpor.events.claims.TechnicalContact;
import org.apache.avro.specific.SpecificRecord;

/** A claim's stored event as the Avro record of the contract. */
final class ClaimRecords {

    private ClaimRecords() {
    }

    static SpecificRecord of(Claim claim, ClaimEvent event) {
        Claim.State state = claim.state();
        EventMetadata metadata = EventMetadata.newBuilder()
                .setEventId(event.eventId())
                .setOccurredAt(event.occurredAt())
                .setClaimId(state.id())
                .setCausationId(event.causationId())
                .build();
        if (event instanceof ClaimEvent.InformationProvided provided) {
            return ClaimInformationProvided.newBuilder()
                    .setMetadata(metadata)
                    .setPartnerId(state.details().partnerId())
                    .setInResponseTo(provided.inResponseTo())
                    .setMessage(provided.message())
                    .setDocuments(provided.documents().stream().map(ClaimRecords::document).toList())
                    .build();
        }
        if (event instanceof ClaimEvent.Amended amended) {
            return ClaimAmended.newBuilder()
                    .setMetadata(metadata)
                    .setPartnerId(state.details().partnerId())
                    .setClaim(claim(state.details()))
                    .setChanges(amended.changes().stream().map(change -> ClaimChange.newBuilder()
                            .setField(change.field()).setBefore(change.before()).setAfter(change.after()).build())
                            .toList())
                    .build();
        }
        if (event instanceof ClaimEvent.Disputed disputed) {
            return ClaimDisputed.newBuilder()
                    .setMetadata(metadata)
                    .setPartnerId(state.details().partnerId())
                    .setJustification(disputed.justification())
                    .setDocuments(disputed.documents().stream().map(ClaimRecords::document).toList())
                    .build();
        }
        if (event instanceof ClaimEvent.Withdrawn withdrawn) {
            return ClaimWithdrawn.newBuilder()
                    .setMetadata(metadata)
                    .setPartnerId(state.details().partnerId())
                    .setTenantId(state.details().customer().tenantId())
                    .setReason(withdrawn.reason())
                    .build();
        }
        if (event instanceof ClaimEvent.Submitted) {
            return ClaimSubmitted.newBuilder().setMetadata(metadata).setClaim(claim(state.details())).build();
        }
        throw new IllegalStateException("No record of the contract for the claim event " + event.getClass()
                .getName());
    }

    static io.cpor.events.claims.Claim claim(ClaimDetails details) {
        ClaimDetails.Customer customer = details.customer();
        return io.cpor.events.claims.Claim.newBuilder()
                .setPartnerId(details.partnerId())
                .setName(details.name())
                .setCustomer(Customer.newBuilder()
                        .setTenantId(customer.tenantId())
                        .setDomain(customer.domain())
                        .setLocale(customer.locale())
                        .setContact(CustomerContact.newBuilder()
                                .setName(customer.contact().name())
                                .setTitle(customer.contact().title())
                                .setEmail(customer.contact().email())
                                .build())
                        .build())
                .setPartnerContact(PartnerContact.newBuilder()
                        .setName(details.partnerContact().name())
                        .setEmail(details.partnerContact().email())
                        .build())
                .setSolutionArea(details.solutionArea())
                .setProgram(details.program())
                .setPartnerRole(details.partnerRole())
                .setWorkloads(details.workloads())
                .setSubscriptionId(details.subscriptionId())
                .setProofOfExecution(details.proofOfExecution() == null ? null : document(details.proofOfExecution()))
                .setTechnicalContact(details.technicalContact() == null ? null : TechnicalContact.newBuilder()
                        .setName(details.technicalContact().name())
                        .setEmail(details.technicalContact().email())
                        .setPhone(details.technicalContact().phone())
                        .build())
                .setComments(details.comments())
                .setProgramTermsAccepted(details.programTermsAccepted())
                .setIncentiveOptOut(details.incentiveOptOut())
                .build();
    }

    private static DocumentReference document(ClaimDetails.DocumentRef ref) {
        return DocumentReference.newBuilder()
                .setFileName(ref.fileName())
                .setMediaType(ref.mediaType())
                .setSizeBytes(ref.sizeBytes())
                .setSha256(ref.sha256())
                .setUri(ref.uri())
                .build();
    }
}
