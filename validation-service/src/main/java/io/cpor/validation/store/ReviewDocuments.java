package io.cpor.validation.store;

import io.cpor.validation.domain.Arbitration;
import io.cpor.validation.domain.CheckResult;
import io.cpor.validation.domain.ClaimChange;
import io.cpor.validation.domain.ClaimSnapshot;
import io.cpor.validation.domain.Decision;
import io.cpor.validation.domain.Dispute;
import io.cpor.validation.domain.InformationExchange;
import io.cpor.validation.domain.Review;
import io.cpor.validation.domain.ReviewEvent;
import io.cpor.validation.domain.ReviewStatus;
import io.cpor.validation.store.ReviewDocument.ArbitrationDocument;
import io.cpor.validation.store.ReviewDocument.ChangeDocument;
import io.cpor.validation.store.ReviewDocument.CheckDocument;
import io.cpor.validation.store.ReviewDocument.ClaimDocument;
import io.cpor.validation.store.ReviewDocument.DecisionDocument;
import io.cpor.validation.store.ReviewDocument.DisputeDocument;
import io.cpor.validation.store.ReviewDocument.DocumentRefDocument;
import io.cpor.validation.store.ReviewDocument.EventDocument;
import io.cpor.validation.store.ReviewDocument.ExchangeDocument;
import io.cpor.validation.store.ReviewDocument.HolderDocument;
import io.cpor.validation.store.ReviewDocument.PersonDocument;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Maps reviews to documents and back. */
final class ReviewDocuments {

    private ReviewDocuments() {
    }

    static ReviewDocument toDocument(Review review) {
        Review.State s = review.state();
        return new ReviewDocument(s.claimId().toString(), claim(s.claim()), s.submittedAt(), s.status().name(),
                s.round(), checks(s.checks()), s.exchanges().stream().map(ReviewDocuments::exchange).toList(),
                string(s.currentReviewRequestId()), s.queuedAt(), s.decidedBy(), checks(s.rejectionReasons()),
                s.timerDueAt(), dispute(s.dispute()), arbitration(s.arbitration()), s.seenEventIds().stream().map(UUID::toString).toList(),
                s.pendingEvents().stream().map(ReviewDocuments::event).toList(), s.updatedAt(), s.revision());
    }

    static Review toReview(ReviewDocument d) {
        Set<UUID> seen = new LinkedHashSet<>();
        list(d.seenEventIds()).forEach(id -> seen.add(UUID.fromString(id)));
        return Review.restore(new Review.State(UUID.fromString(d.id()), claim(d.claim()), d.submittedAt(),
                ReviewStatus.valueOf(d.status()), d.round(), results(d.checks()),
                list(d.exchanges()).stream().map(ReviewDocuments::exchange).toList(),
                uuid(d.currentReviewRequestId()), d.queuedAt(), d.decidedBy(), results(d.rejectionReasons()),
                d.timerDueAt(), dispute(d.dispute()), arbitration(d.arbitration()), seen, list(d.outbox()).stream().map(ReviewDocuments::event).toList(), d.updatedAt(),
                d.revision()));
    }

    static EventDocument event(ReviewEvent event) {
        String id = event.eventId().toString();
        String cause = event.causationId() == null ? null : event.causationId().toString();
        if (event instanceof ReviewEvent.ReviewRequested requested) {
            return new EventDocument(id, "REVIEW_REQUESTED", event.occurredAt(), cause,
                    requested.trigger() == ReviewEvent.Trigger.INFORMATION_PROVIDED, null, null, null, null, null,
                    null, requested.trigger().name(), null);
        }
        if (event instanceof ReviewEvent.Approved approved) {
            return new EventDocument(id, "APPROVED", event.occurredAt(), cause, null, approved.approvedBy(), null,
                    null, null, null, null, null, null);
        }
        if (event instanceof ReviewEvent.Rejected rejected) {
            return new EventDocument(id, "REJECTED", event.occurredAt(), cause, null, rejected.rejectedBy(),
                    checks(rejected.reasons()), null, null, null, null, null, rejected.afterDispute());
        }
        if (event instanceof ReviewEvent.InformationRequested requested) {
            return new EventDocument(id, "INFORMATION_REQUESTED", event.occurredAt(), cause, null,
                    requested.requestedBy(), null, requested.message(), requested.answerBy(), null,
                    requested.reasons(), null, null);
        }
        if (event instanceof ReviewEvent.ArbitrationDecided decided) {
            return new EventDocument(id, "ARBITRATION_DECIDED", event.occurredAt(), cause, null, decided.decidedBy(),
                    null, decided.outcome().name(), null, null, null, null, null);
        }
        if (event instanceof ReviewEvent.DecisionRecorded recorded) {
            Decision decision = recorded.decision();
            return new EventDocument(id, "DECISION_RECORDED", event.occurredAt(), cause, null, null, null, null,
                    null, new DecisionDocument(decision.decisionId().toString(), decision.kind().name(),
                            decision.reason(), decision.message(), decision.informationReasons(),
                            decision.validator(), string(decision.reviewRequestId()), decision.decidedAt()), null,
                    null, null);
        }
        throw new IllegalStateException("No stored form for the review event " + event.getClass().getName());
    }

    private static ReviewEvent event(EventDocument d) {
        UUID id = UUID.fromString(d.eventId());
        UUID cause = uuid(d.causationId());
        return switch (d.type()) {
            case "REVIEW_REQUESTED" -> new ReviewEvent.ReviewRequested(id, d.occurredAt(), cause,
                    d.trigger() != null ? ReviewEvent.Trigger.valueOf(d.trigger())
                            : Boolean.TRUE.equals(d.afterInformation()) ? ReviewEvent.Trigger.INFORMATION_PROVIDED
                            : ReviewEvent.Trigger.SUBMITTED);
            case "APPROVED" -> new ReviewEvent.Approved(id, d.occurredAt(), cause, d.by());
            case "REJECTED" -> new ReviewEvent.Rejected(id, d.occurredAt(), cause, results(d.reasons()), d.by(),
                    Boolean.TRUE.equals(d.afterDispute()));
            case "INFORMATION_REQUESTED" -> new ReviewEvent.InformationRequested(id, d.occurredAt(), cause,
                    d.message(), list(d.informationReasons()), d.by(), d.answerBy());
            case "ARBITRATION_DECIDED" -> new ReviewEvent.ArbitrationDecided(id, d.occurredAt(), cause,
                    Decision.Kind.valueOf(d.message()), d.by());
            case "DECISION_RECORDED" -> {
                DecisionDocument x = d.decision();
                yield new ReviewEvent.DecisionRecorded(id, d.occurredAt(), cause, new Decision(
                        UUID.fromString(x.decisionId()), Decision.Kind.valueOf(x.kind()), x.reason(), x.message(),
                        list(x.informationReasons()), x.validator(), uuid(x.reviewRequestId()), x.decidedAt()));
            }
            default -> throw new IllegalStateException("Unknown stored event type " + d.type() + " of event " + id);
        };
    }

    private static ClaimDocument claim(ClaimSnapshot c) {
        return new ClaimDocument(c.partnerId(), c.name(), c.tenantId().toString(), c.domain(), c.locale(),
                person(c.customerContact()), person(c.partnerContact()), c.solutionArea(), c.program(),
                c.partnerRole(), c.workloads(), c.subscriptionId(), document(c.proofOfExecution()),
                technical(c.technicalContact()), c.comments(), c.programTermsAccepted(), c.incentiveOptOut());
    }

    private static ClaimSnapshot claim(ClaimDocument c) {
        return new ClaimSnapshot(c.partnerId(), c.name(), UUID.fromString(c.tenantId()), c.domain(), c.locale(),
                person(c.customerContact()), person(c.partnerContact()), c.solutionArea(), c.program(),
                c.partnerRole(), c.workloads(), c.subscriptionId(), document(c.proofOfExecution()),
                technical(c.technicalContact()), c.comments(), c.programTermsAccepted(), c.incentiveOptOut());
    }

    private static PersonDocument technical(ClaimSnapshot.TechnicalContact t) {
        return t == null ? null : new PersonDocument(t.name(), null, t.email(), t.phone());
    }

    private static ClaimSnapshot.TechnicalContact technical(PersonDocument p) {
        return p == null ? null : new ClaimSnapshot.TechnicalContact(p.name(), p.email(), p.phone());
    }

    private static ArbitrationDocument arbitration(Arbitration a) {
        return a == null ? null : new ArbitrationDocument(a.openedAt(), a.contestedWorkloads(), a.holders().stream()
                .map(h -> new HolderDocument(h.claimId().toString(), h.workloads(), h.claim() == null ? null
                        : claim(h.claim()), h.approvedBy(), h.exchanges().stream().map(ReviewDocuments::exchange)
                        .toList())).toList(), a.outcome() == null ? null : a.outcome().name(), a.moot());
    }

    private static Arbitration arbitration(ArbitrationDocument a) {
        return a == null ? null : new Arbitration(a.openedAt(), list(a.contestedWorkloads()), list(a.holders())
                .stream().map(h -> new Arbitration.Holder(UUID.fromString(h.claimId()), list(h.workloads()),
                        h.claim() == null ? null : claim(h.claim()), h.approvedBy(), list(h.exchanges()).stream()
                                .map(ReviewDocuments::exchange).toList())).toList(),
                a.outcome() == null ? null : Decision.Kind.valueOf(a.outcome()), a.moot());
    }

    private static DisputeDocument dispute(Dispute d) {
        return d == null ? null : new DisputeDocument(d.disputedAt(), d.justification(), d.documents().stream()
                .map(ReviewDocuments::document).toList(), d.rejectedAt(), d.rejectedBy(), checks(d.rejectedFor()));
    }

    private static Dispute dispute(DisputeDocument d) {
        return d == null ? null : new Dispute(d.disputedAt(), d.justification(), list(d.documents()).stream()
                .map(ReviewDocuments::document).toList(), d.rejectedAt(), d.rejectedBy(), results(d.rejectedFor()));
    }

    private static ExchangeDocument exchange(InformationExchange e) {
        return new ExchangeDocument(e.requestEventId().toString(), e.requestedAt(), e.requestedBy(), e.question(),
                e.reasons(), e.answerBy(), e.answeredAt(), e.answer(), e.documents().stream()
                        .map(ReviewDocuments::document)
                        .toList(), e.changes().stream().map(c -> new ChangeDocument(c.field(), c.before(), c.after()))
                        .toList());
    }

    private static InformationExchange exchange(ExchangeDocument e) {
        return new InformationExchange(UUID.fromString(e.requestEventId()), e.requestedAt(), e.requestedBy(),
                e.question(), list(e.reasons()), e.answerBy(), e.answeredAt(), e.answer(), list(e.documents()).stream()
                        .map(ReviewDocuments::document).toList(), list(e.changes()).stream()
                        .map(c -> new ClaimChange(c.field(), c.before(), c.after())).toList());
    }

    private static List<CheckDocument> checks(List<CheckResult> results) {
        return results.stream().map(r -> new CheckDocument(r.code(), r.passed(), r.message())).toList();
    }

    private static List<CheckResult> results(List<CheckDocument> checks) {
        return list(checks).stream().map(c -> new CheckResult(c.code(), c.passed(), c.message())).toList();
    }

    private static PersonDocument person(ClaimSnapshot.Person p) {
        return p == null ? null : new PersonDocument(p.name(), p.title(), p.email(), null);
    }

    private static ClaimSnapshot.Person person(PersonDocument p) {
        return p == null ? null : new ClaimSnapshot.Person(p.name(), p.title(), p.email());
    }

    private static DocumentRefDocument document(ClaimSnapshot.DocumentRef r) {
        return r == null ? null : new DocumentRefDocument(r.fileName(), r.mediaType(), r.sizeBytes(), r.sha256(),
                r.uri());
    }

    private static ClaimSnapshot.DocumentRef document(DocumentRefDocument r) {
        return r == null ? null : new ClaimSnapshot.DocumentRef(r.fileName(), r.mediaType(), r.sizeBytes(),
                r.sha256(), r.uri());
    }

    private static String string(UUID id) {
        return id == null ? null : id.toString();
    }

    private static UUID uuid(String id) {
        return id == null ? null : UUID.fromString(id);
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
