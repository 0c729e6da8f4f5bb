package io.cpor.associations.messaging;

import io.cpor.associations.domain.ApprovedClaim;
import io.cpor.associations.domain.AssociationEvent;
import io.cpor.associations.domain.AssociationRequest;
import io.cpor.associations.domain.WorkloadClaim;
import io.cpor.events.EventMetadata;
import io.cpor.events.associations.AssociationActivated;
import io.cpor.events.associations.AssociationConflicted;
import io.cpor.events.associations.AssociationContested;
import io.cpor.events.associations.AssociationDeclined;
import io.cpor.events.associations.AssociationDisassociated;
import io.cpor.events.associations.AssociationRemoved;
import io.cpor.events.associations.AssociationRequested;
import io.cpor.events.associations.AssociationSuperseded;
import io.cpor.events.associations.AssociationUncontested;
import io.cpor.events.associations.ConflictReason;
import io.cpor.events.associations.ContestedWorkload;
import io.cpor.events.associations.WorkloadConflict;
import io.cpor.events.claims.Customer;
import io.cpor.events.claims.CustomerContact;
import io.cpor.events.claims.PartnerContact;
import io.cpor.events.outcomes.ClaimApproved;
import io.cpor.schemas.Topics;
import io.cpor.support.outbox.OutboxMessage;
import io.cpor.support.outbox.PendingMessages;

/** Between the contract's records and the domain: approvals in, association events out (keyed by tenant id). */
final class AssociationRecords {

    private AssociationRecords() {
    }

    static ApprovedClaim approved(ClaimApproved approved) {
        var claim = approved.getClaim();
        var customer = claim.getCustomer();
        return new ApprovedClaim(approved.getMetadata().getClaimId(), approved.getMetadata().getEventId(),
                approved.getMetadata().getOccurredAt(), claim.getPartnerId(),
                new ApprovedClaim.Contact(claim.getPartnerContact().getName(), claim.getPartnerContact().getEmail()),
                claim.getName(), customer.getTenantId(), customer.getDomain(),
                new ApprovedClaim.Contact(customer.getContact().getName(), customer.getContact().getEmail()),
                customer.getContact().getTitle(), customer.getLocale(), claim.getSolutionArea(), claim.getProgram(),
                claim.getWorkloads(), claim.getSubscriptionId());
    }

    static PendingMessages pending(AssociationRequest request) {
        return new PendingMessages(request.requestId(), request.state().revision(), request.state().pendingEvents()
                .stream().map(event -> message(request, event)).toList());
    }

    static OutboxMessage message(AssociationRequest request, AssociationEvent event) {
        AssociationRequest.State s = request.state();
        ApprovedClaim c = s.claim();
        EventMetadata metadata = EventMetadata.newBuilder().setEventId(event.eventId())
                .setOccurredAt(event.occurredAt()).setClaimId(c.claimId()).setCausationId(event.causationId())
                .build();
        PartnerContact partner = PartnerContact.newBuilder().setName(c.partnerContact().name())
                .setEmail(c.partnerContact().email()).build();
        Object record;
        String topic = Topics.ASSOCIATIONS_EVENTS;
        if (event instanceof AssociationEvent.Requested requested) {
            topic = Topics.ASSOCIATIONS_REQUESTS;
            record = AssociationRequested.newBuilder().setMetadata(metadata).setRequestId(s.requestId())
                    .setPartnerId(c.partnerId()).setPartnerContact(partner).setClaimName(c.claimName())
                    .setCustomer(Customer.newBuilder().setTenantId(c.tenantId()).setDomain(c.domain())
                            .setLocale(c.locale()).setContact(CustomerContact.newBuilder()
                                    .setName(c.customerContact().name()).setTitle(c.customerTitle())
                                    .setEmail(c.customerContact().email()).build()).build())
                    .setSolutionArea(c.solutionArea()).setProgram(c.program())
                    .setWorkloads(requested.workloads()).setDeclineUrl(requested.declineUrl()).build();
        }
        else if (event instanceof AssociationEvent.Conflicted conflicted) {
            record = AssociationConflicted.newBuilder().setMetadata(metadata).setPartnerId(c.partnerId())
                    .setPartnerContact(partner).setClaimName(c.claimName()).setTenantId(c.tenantId())
                    .setConflicts(conflicted.conflicts().stream().map(conflict -> WorkloadConflict.newBuilder()
                            .setWorkload(conflict.workload()).setReason(reason(conflict.outcome())).build()).toList())
                    .build();
        }
        else if (event instanceof AssociationEvent.Activated activated) {
            record = AssociationActivated.newBuilder().setMetadata(metadata).setRequestId(s.requestId())
                    .setTenantId(c.tenantId()).setPartnerId(c.partnerId()).setPartnerContact(partner)
                    .setClaimName(c.claimName()).setWorkloads(request.reservedWorkloads())
                    .setActivatedAt(activated.activatedAt()).build();
        }
        else if (event instanceof AssociationEvent.Declined declined) {
            record = AssociationDeclined.newBuilder().setMetadata(metadata).setRequestId(s.requestId())
                    .setTenantId(c.tenantId()).setPartnerId(c.partnerId()).setPartnerContact(partner)
                    .setClaimName(c.claimName()).setWorkloads(request.reservedWorkloads())
                    .setDeclinedAt(declined.declinedAt()).setActivationReversed(declined.activationReversed())
                    .build();
        }
        else if (event instanceof AssociationEvent.Removed removed) {
            record = AssociationRemoved.newBuilder().setMetadata(metadata).setRequestId(s.requestId())
                    .setTenantId(c.tenantId()).setPartnerId(c.partnerId()).setPartnerContact(partner)
                    .setClaimName(c.claimName()).setWorkloads(request.reservedWorkloads())
                    .setRemovedAt(removed.removedAt()).build();
        }
        else if (event instanceof AssociationEvent.Contested contested) {
            record = AssociationContested.newBuilder().setMetadata(metadata).setRequestId(s.requestId())
                    .setTenantId(c.tenantId()).setPartnerId(c.partnerId())
                    .setContested(contested.contested().stream().map(workload -> ContestedWorkload.newBuilder()
                            .setWorkload(workload.workload()).setHolderRequestId(workload.holder().requestId())
                            .setHolderClaimId(workload.holder().claimId())
                            .setHolderPartnerId(workload.holder().partnerId()).build()).toList())
                    .build();
        }
        else if (event instanceof AssociationEvent.Uncontested) {
            record = AssociationUncontested.newBuilder().setMetadata(metadata).setRequestId(s.requestId())
                    .setTenantId(c.tenantId()).setPartnerId(c.partnerId()).build();
        }
        else if (event instanceof AssociationEvent.Superseded superseded) {
            record = AssociationSuperseded.newBuilder().setMetadata(metadata).setRequestId(s.requestId())
                    .setTenantId(c.tenantId()).setPartnerId(c.partnerId()).setPartnerContact(partner)
                    .setClaimName(c.claimName()).setWorkloads(superseded.workloads())
                    .setReason("SUPERSEDED_AFTER_REVIEW").build();
        }
        else if (event instanceof AssociationEvent.Disassociated disassociated) {
            record = AssociationDisassociated.newBuilder().setMetadata(metadata).setRequestId(s.requestId())
                    .setTenantId(c.tenantId()).setPartnerId(c.partnerId()).setPartnerContact(partner)
                    .setClaimName(c.claimName())
                    .setCustomer(Customer.newBuilder().setTenantId(c.tenantId()).setDomain(c.domain())
                            .setLocale(c.locale()).setContact(CustomerContact.newBuilder()
                                    .setName(c.customerContact().name()).setTitle(c.customerTitle())
                                    .setEmail(c.customerContact().email()).build()).build())
                    .setWorkloads(request.reservedWorkloads()).setReason(disassociated.reason())
                    .setDisassociatedAt(disassociated.occurredAt()).build();
        }
        else {
            throw new IllegalStateException("No record of the contract for the association event " + event
                    .getClass().getName());
        }
        return new OutboxMessage(event.eventId(), event.occurredAt(), topic, c.tenantId().toString(), record);
    }

    private static ConflictReason reason(WorkloadClaim.Outcome outcome) {
        return outcome == WorkloadClaim.Outcome.ALREADY_ASSOCIATED ? ConflictReason.ALREADY_ASSOCIATED
                : ConflictReason.WORKLOAD_HELD_BY_ANOTHER_PARTNER;
    }
}
