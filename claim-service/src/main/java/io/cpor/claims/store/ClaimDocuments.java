package io.cpor.claims.store;

import io.cpor.claims.domain.Claim;
import io.cpor.claims.domain.ClaimChange;
import io.cpor.claims.domain.ClaimDetails;
import io.cpor.claims.domain.ClaimEvent;
import io.cpor.claims.domain.ClaimFact;
import io.cpor.claims.domain.ClaimStatus;
import io.cpor.claims.domain.Dispute;
import io.cpor.claims.domain.Idempotency;
import io.cpor.claims.domain.InformationRequest;
import io.cpor.claims.domain.TimelineEntry;
import io.cpor.claims.domain.WorkloadState;
import io.cpor.claims.store.ClaimDocument.ChangeDocument;
import io.cpor.claims.store.ClaimDocument.ContactDocument;
import io.cpor.claims.store.ClaimDocument.CustomerDocument;
import io.cpor.claims.store.ClaimDocument.DisputeDocument;
import io.cpor.claims.store.ClaimDocument.DocumentRefDocument;
import io.cpor.claims.store.ClaimDocument.InformationRequestDocument;
import io.cpor.claims.store.ClaimDocument.PendingEventDocument;
import io.cpor.claims.store.ClaimDocument.ReasonDocument;
import io.cpor.claims.store.ClaimDocument.TimelineDocument;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Maps claims to documents and back. */
final class ClaimDocuments {

    private ClaimDocuments() {
    }

    static ClaimDocument toDocument(Claim claim) {
        Claim.State state = claim.state();
        ClaimDetails details = state.details();
        Map<String, String> workloads = new LinkedHashMap<>();
        state.workloads().forEach((workload, workloadState) -> workloads.put(workload, workloadState.name()));
        Idempotency idempotency = state.idempotency();
        return new ClaimDocument(state.id().toString(), details.partnerId(), details.name(),
                new CustomerDocument(details.customer().tenantId().toString(), details.customer().domain(),
                        details.customer().locale(), new ContactDocument(details.customer().contact().name(),
                                details.customer().contact().title(), details.customer().contact().email(), null)),
                new ContactDocument(details.partnerContact().name(), null, details.partnerContact().email(), null),
                details.solutionArea(), details.program(), details.partnerRole(), details.workloads(),
                details.subscriptionId(), document(details.proofOfExecution()), technical(details.technicalContact()),
                details.comments(), details.programTermsAccepted(), details.incentiveOptOut(), state.status().name(),
                workloads, state.submittedAt(), state.updatedAt(), state.declineBy(), reasons(state.rejectionReasons()),
                informationRequest(state.informationRequest()), state.rejectedAt(), dispute(state.dispute()),
                timeline(state.timeline()),
                state.seenEventIds().stream().map(UUID::toString).toList(), state.reviewClock(),
                state.pendingEvents().stream().map(ClaimDocuments::pending).toList(),
                idempotency == null ? null : idempotency.scope(),
                idempotency == null ? null : idempotency.fingerprint(), state.revision());
    }

    static Claim toClaim(ClaimDocument document) {
        CustomerDocument customer = document.customer();
        ClaimDetails details = new ClaimDetails(document.partnerId(), document.name(),
                new ClaimDetails.Customer(UUID.fromString(customer.tenantId()), customer.domain(), customer.locale(),
                        new ClaimDetails.CustomerContact(customer.contact().name(), customer.contact().title(),
                                customer.contact().email())),
                new ClaimDetails.PartnerContact(document.partnerContact().name(), document.partnerContact().email()),
                document.solutionArea(), document.program(), document.partnerRole(), document.requestedWorkloads(),
                document.subscriptionId(), documentRef(document.proofOfExecution()),
                technical(document.technicalContact()), document.comments(), document.programTermsAccepted(),
                document.incentiveOptOut());
        Map<String, WorkloadState> workloads = new LinkedHashMap<>();
        document.workloads().forEach((workload, state) -> workloads.put(workload, WorkloadState.valueOf(state)));
        Set<UUID> seen = new LinkedHashSet<>();
        listOf(document.seenEventIds()).forEach(id -> seen.add(UUID.fromString(id)));
        return Claim.restore(new Claim.State(UUID.fromString(document.id()), details,
                ClaimStatus.valueOf(document.status()), workloads, document.submittedAt(), document.updatedAt(),
                document.declineBy(), listOf(document.rejectionReasons()).stream()
                        .map(reason -> new ClaimFact.Reason(reason.code(), reason.message())).toList(),
                informationRequest(document.informationRequest()), document.rejectedAt(),
                dispute(document.dispute()), listOf(document.timeline()).stream()
                        .map(entry -> new TimelineEntry(entry.at(), entry.event(), entry.detail())).toList(),
                seen, document.reviewClock(), listOf(document.outbox()).stream().map(ClaimDocuments::event).toList(),
                document.idempotencyScope() == null ? null : new Idempotency(document.idempotencyScope(),
                        document.idempotencyFingerprint()), document.revision()));
    }

    static PendingEventDocument pending(ClaimEvent event) {
        String id = event.eventId().toString();
        String cause = event.causationId().toString();
        if (event instanceof ClaimEvent.InformationProvided provided) {
            return new PendingEventDocument(id, "INFORMATION_PROVIDED", event.occurredAt(), cause,
                    provided.inResponseTo() == null ? null : provided.inResponseTo().toString(), provided.message(),
                    provided.documents().stream().map(ClaimDocuments::document).toList(), null, null);
        }
        if (event instanceof ClaimEvent.Amended amended) {
            return new PendingEventDocument(id, "AMENDED", event.occurredAt(), cause, null, null, null, null,
                    amended.changes().stream().map(change -> new ChangeDocument(change.field(), change.before(),
                            change.after())).toList());
        }
        if (event instanceof ClaimEvent.Disputed disputed) {
            return new PendingEventDocument(id, "DISPUTED", event.occurredAt(), cause, null,
                    disputed.justification(), disputed.documents().stream().map(ClaimDocuments::document).toList(),
                    null, null);
        }
        if (event instanceof ClaimEvent.Withdrawn withdrawn) {
            return new PendingEventDocument(id, "WITHDRAWN", event.occurredAt(), cause, null, null, null,
                    withdrawn.reason(), null);
        }
        if (event instanceof ClaimEvent.Submitted) {
            return new PendingEventDocument(id, "SUBMITTED", event.occurredAt(), cause, null, null, null, null,
                    null);
        }
        throw new IllegalStateException("No stored form for the claim event " + event.getClass().getName());
    }

    static List<TimelineDocument> timeline(List<TimelineEntry> timeline) {
        return timeline.stream().map(entry -> new TimelineDocument(entry.at(), entry.event(), entry.detail()))
                .toList();
    }

    static List<ReasonDocument> reasons(List<ClaimFact.Reason> reasons) {
        return reasons.stream().map(reason -> new ReasonDocument(reason.code(), reason.message())).toList();
    }

    static InformationRequestDocument informationRequest(InformationRequest request) {
        return request == null ? null : new InformationRequestDocument(request.eventId().toString(),
                request.message(), request.reasons(), request.requestedBy(), request.requestedAt(),
                request.answerBy());
    }

    private static InformationRequest informationRequest(InformationRequestDocument document) {
        return document == null ? null : new InformationRequest(UUID.fromString(document.eventId()),
                document.message(), document.reasons(), document.requestedBy(), document.requestedAt(),
                document.answerBy());
    }

    private static ClaimEvent event(PendingEventDocument document) {
        UUID id = UUID.fromString(document.eventId());
        UUID cause = UUID.fromString(document.causationId());
        return switch (document.type()) {
            case "INFORMATION_PROVIDED" -> new ClaimEvent.InformationProvided(id, document.occurredAt(), cause,
                    document.inResponseTo() == null ? null : UUID.fromString(document.inResponseTo()),
                    document.message(), listOf(document.documents()).stream().map(ClaimDocuments::documentRef)
                            .toList());
            case "AMENDED" -> new ClaimEvent.Amended(id, document.occurredAt(), cause, listOf(document.changes())
                    .stream().map(change -> new ClaimChange(change.field(), change.before(), change.after()))
                    .toList());
            case "DISPUTED" -> new ClaimEvent.Disputed(id, document.occurredAt(), cause, document.message(),
                    listOf(document.documents()).stream().map(ClaimDocuments::documentRef).toList());
            case "WITHDRAWN" -> new ClaimEvent.Withdrawn(id, document.occurredAt(), cause, document.reason());
            case "SUBMITTED" -> new ClaimEvent.Submitted(id, document.occurredAt(), cause);
            default -> throw new IllegalStateException("Unknown stored event type " + document.type() + " of event "
                    + id);
        };
    }

    private static ContactDocument technical(ClaimDetails.TechnicalContact contact) {
        return contact == null ? null : new ContactDocument(contact.name(), null, contact.email(), contact.phone());
    }

    private static ClaimDetails.TechnicalContact technical(ContactDocument document) {
        return document == null ? null : new ClaimDetails.TechnicalContact(document.name(), document.email(),
                document.phone());
    }

    private static DisputeDocument dispute(Dispute dispute) {
        return dispute == null ? null : new DisputeDocument(dispute.disputedAt(), dispute.justification(),
                dispute.documents().stream().map(ClaimDocuments::document).toList());
    }

    private static Dispute dispute(DisputeDocument document) {
        return document == null ? null : new Dispute(document.disputedAt(), document.justification(),
                listOf(document.documents()).stream().map(ClaimDocuments::documentRef).toList());
    }

    private static DocumentRefDocument document(ClaimDetails.DocumentRef ref) {
        return ref == null ? null : new DocumentRefDocument(ref.fileName(), ref.mediaType(), ref.sizeBytes(),
                ref.sha256(), ref.uri());
    }

    private static ClaimDetails.DocumentRef documentRef(DocumentRefDocument document) {
        return document == null ? null : new ClaimDetails.DocumentRef(document.fileName(), document.mediaType(),
                document.sizeBytes(), document.sha256(), document.uri());
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }
}
