package io.cpor.associations.store;

import io.cpor.associations.domain.ApprovedClaim;
import io.cpor.associations.domain.AssociationEvent;
import io.cpor.associations.domain.AssociationRequest;
import io.cpor.associations.domain.AssociationStatus;
import io.cpor.associations.domain.WorkloadClaim;
import io.cpor.associations.store.AssociationDocument.ContactDocument;
import io.cpor.associations.store.AssociationDocument.EventDocument;
import io.cpor.associations.store.AssociationDocument.WorkloadDocument;
import java.util.List;
import java.util.UUID;

/** Between the domain's requests and their documents. */
final class AssociationDocuments {

    private AssociationDocuments() {
    }

    static AssociationDocument toDocument(AssociationRequest request) {
        AssociationRequest.State s = request.state();
        ApprovedClaim c = s.claim();
        return new AssociationDocument(s.requestId().toString(), c.claimId().toString(),
                c.approvedEventId().toString(), c.approvedAt(), c.partnerId(), contact(c.partnerContact()),
                c.claimName(), c.tenantId().toString(), c.domain(), contact(c.customerContact()), c.customerTitle(),
                c.locale(), c.solutionArea(), c.program(), c.subscriptionId(), workloads(s.workloads()),
                s.status().name(),
                s.tokenHash(), s.linkExpiresAt(), s.createdAt(), text(s.notifiedEventId()), s.notifiedAt(),
                s.declineBy(), s.activatedAt(), s.declinedAt(), s.activationReversed(), s.removedAt(),
                s.withdrawnAt(), s.pendingEvents().stream().map(AssociationDocuments::event).toList(), s.updatedAt(),
                s.revision());
    }

    static AssociationRequest toRequest(AssociationDocument d) {
        ApprovedClaim claim = new ApprovedClaim(UUID.fromString(d.claimId()), UUID.fromString(d.approvedEventId()),
                d.approvedAt(), d.partnerId(), contact(d.partnerContact()), d.claimName(),
                UUID.fromString(d.tenantId()), d.domain(), contact(d.customerContact()), d.customerTitle(),
                d.locale(), d.solutionArea(), d.program(), d.workloads().stream().map(WorkloadDocument::workload)
                        .toList(), d.subscriptionId());
        List<AssociationEvent> pending = d.outbox() == null ? List.of()
                : d.outbox().stream().map(AssociationDocuments::event).toList();
        return AssociationRequest.restore(new AssociationRequest.State(UUID.fromString(d.id()), claim,
                d.workloads().stream().map(AssociationDocuments::workload).toList(),
                AssociationStatus.valueOf(d.status()), d.tokenHash(), d.linkExpiresAt(), d.createdAt(),
                uuid(d.notifiedEventId()), d.notifiedAt(), d.declineBy(), d.activatedAt(), d.declinedAt(),
                d.activationReversed(), d.removedAt(), d.withdrawnAt(), pending, d.updatedAt(), d.revision()));
    }

    static EventDocument event(AssociationEvent event) {
        String id = event.eventId().toString();
        String cause = event.causationId().toString();
        if (event instanceof AssociationEvent.Requested e) {
            return new EventDocument("REQUESTED", id, e.occurredAt(), cause, e.workloads(), e.declineUrl(), null,
                    null, false, null);
        }
        if (event instanceof AssociationEvent.Conflicted e) {
            return new EventDocument("CONFLICTED", id, e.occurredAt(), cause, null, null, workloads(e.conflicts()),
                    null, false, null);
        }
        if (event instanceof AssociationEvent.Activated e) {
            return new EventDocument("ACTIVATED", id, e.occurredAt(), cause, null, null, null, e.activatedAt(),
                    false, null);
        }
        if (event instanceof AssociationEvent.Declined e) {
            return new EventDocument("DECLINED", id, e.occurredAt(), cause, null, null, null, e.declinedAt(),
                    e.activationReversed(), null);
        }
        if (event instanceof AssociationEvent.Disassociated e) {
            return new EventDocument("DISASSOCIATED", id, e.occurredAt(), cause, null, null, null, null, false,
                    e.reason());
        }
        if (event instanceof AssociationEvent.Contested e) {
            return new EventDocument("CONTESTED", id, e.occurredAt(), cause, null, null, workloads(e.contested()),
                    null, false, null);
        }
        if (event instanceof AssociationEvent.Uncontested e) {
            return new EventDocument("UNCONTESTED", id, e.occurredAt(), cause, null, null, null, null, false, null);
        }
        if (event instanceof AssociationEvent.Superseded e) {
            return new EventDocument("SUPERSEDED", id, e.occurredAt(), cause, e.workloads(), null, null, null, false,
                    null);
        }
        AssociationEvent.Removed e = (AssociationEvent.Removed) event;
        return new EventDocument("REMOVED", id, e.occurredAt(), cause, null, null, null, e.removedAt(), false, null);
    }

    static AssociationEvent event(EventDocument d) {
        UUID id = UUID.fromString(d.eventId());
        UUID cause = UUID.fromString(d.causationId());
        return switch (d.type()) {
            case "REQUESTED" -> new AssociationEvent.Requested(id, d.occurredAt(), cause, d.workloads(),
                    d.declineUrl());
            case "CONFLICTED" -> new AssociationEvent.Conflicted(id, d.occurredAt(), cause, d.conflicts().stream()
                    .map(AssociationDocuments::workload).toList());
            case "CONTESTED" -> new AssociationEvent.Contested(id, d.occurredAt(), cause, d.conflicts().stream()
                    .map(AssociationDocuments::workload).toList());
            case "SUPERSEDED" -> new AssociationEvent.Superseded(id, d.occurredAt(), cause, d.workloads());
            case "UNCONTESTED" -> new AssociationEvent.Uncontested(id, d.occurredAt(), cause);
            case "ACTIVATED" -> new AssociationEvent.Activated(id, d.occurredAt(), cause, d.at());
            case "DECLINED" -> new AssociationEvent.Declined(id, d.occurredAt(), cause, d.at(),
                    d.activationReversed());
            case "REMOVED" -> new AssociationEvent.Removed(id, d.occurredAt(), cause, d.at());
            case "DISASSOCIATED" -> new AssociationEvent.Disassociated(id, d.occurredAt(), cause, d.reason());
            default -> throw new IllegalStateException("Unknown stored event type " + d.type());
        };
    }

    private static List<WorkloadDocument> workloads(List<WorkloadClaim> workloads) {
        return workloads.stream().map(w -> new WorkloadDocument(w.workload(), w.outcome().name(),
                w.holder() == null ? null : w.holder().requestId().toString(),
                w.holder() == null ? null : w.holder().claimId().toString(),
                w.holder() == null ? null : w.holder().partnerId())).toList();
    }

    private static WorkloadClaim workload(WorkloadDocument w) {
        return new WorkloadClaim(w.workload(), WorkloadClaim.Outcome.valueOf(w.outcome()),
                w.holderRequestId() == null ? null : new WorkloadClaim.Holder(UUID.fromString(w.holderRequestId()),
                        UUID.fromString(w.holderClaimId()), w.holderPartnerId()));
    }

    private static ContactDocument contact(ApprovedClaim.Contact contact) {
        return new ContactDocument(contact.name(), contact.email());
    }

    private static ApprovedClaim.Contact contact(ContactDocument contact) {
        return new ApprovedClaim.Contact(contact.name(), contact.email());
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static UUID uuid(String text) {
        return text == null ? null : UUID.fromString(text);
    }
}
