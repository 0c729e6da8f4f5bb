package io.cpor.validation.messaging;

import io.cpor.events.EventMetadata;
import io.cpor.events.claims.Claim;
import io.cpor.events.claims.ClaimChange;
import io.cpor.events.claims.Customer;
import io.cpor.events.claims.CustomerContact;
import io.cpor.events.claims.DocumentReference;
import io.cpor.events.claims.PartnerContact;
import io.cpor.events.claims.TechnicalContact;
import io.cpor.events.outcomes.ClaimApproved;
import io.cpor.events.outcomes.ClaimRejected;
import io.cpor.events.outcomes.InformationRequested;
import io.cpor.events.outcomes.RejectionReason;
import io.cpor.events.outcomes.ArbitrationOutcome;
import io.cpor.events.review.Arbitration;
import io.cpor.events.review.ArbitrationHolder;
import io.cpor.events.review.CheckResult;
import io.cpor.events.review.Dispute;
import io.cpor.events.review.InformationExchange;
import io.cpor.events.review.InformationReason;
import io.cpor.events.review.ReviewDecided;
import io.cpor.events.review.ReviewDecision;
import io.cpor.events.review.ReviewRequested;
import io.cpor.events.review.ReviewTrigger;
import io.cpor.schemas.Topics;
import io.cpor.support.outbox.OutboxMessage;
import io.cpor.validation.domain.ClaimSnapshot;
import io.cpor.validation.domain.Decision;
import io.cpor.validation.domain.Review;
import io.cpor.validation.domain.ReviewEvent;
import java.util.List;

/** A review's stored event as the Avro record of the contract, and the topic it goes to (keyed by claim id). */
final class ReviewRecords {

    private ReviewRecords() {
    }

    static OutboxMessage message(Review review, ReviewEvent event) {
        Review.State s = review.state();
        String key = s.claimId().toString();
        EventMetadata metadata = EventMetadata.newBuilder().setEventId(event.eventId())
                .setOccurredAt(event.occurredAt()).setClaimId(s.claimId()).setCausationId(event.causationId())
                .build();
        if (event instanceof ReviewEvent.ReviewRequested requested) {
            return new OutboxMessage(event.eventId(), event.occurredAt(), Topics.CLAIMS_REVIEW, key,
                    ReviewRequested.newBuilder().setMetadata(metadata).setClaim(claim(s.claim()))
                            .setSubmittedAt(s.submittedAt())
                            .setTrigger(ReviewTrigger.valueOf(requested.trigger().name()))
                            .setReviewRound(s.round())
                            .setChecks(s.checks().stream().map(ReviewRecords::check).toList())
                            .setInformationExchanges(s.exchanges().stream().map(ReviewRecords::exchange).toList())
                            .setDispute(requested.trigger() == ReviewEvent.Trigger.DISPUTED && s.dispute() != null
                                    ? dispute(s.dispute()) : null)
                            .setArbitration(s.arbitration() != null && s.arbitration().open()
                                    ? arbitration(s.arbitration()) : null)
                            .build());
        }
        if (event instanceof ReviewEvent.Approved approved) {
            return outcome(event, key, ClaimApproved.newBuilder().setMetadata(metadata).setClaim(claim(s.claim()))
                    .setApprovedBy(approved.approvedBy()).build());
        }
        if (event instanceof ReviewEvent.Rejected rejected) {
            return outcome(event, key, ClaimRejected.newBuilder().setMetadata(metadata).setClaim(claim(s.claim()))
                    .setReasons(rejected.reasons().stream().map(reason -> RejectionReason.newBuilder()
                            .setCode(reason.code()).setMessage(reason.message()).build()).toList())
                    .setRejectedBy(rejected.rejectedBy()).setAfterDispute(rejected.afterDispute()).build());
        }
        if (event instanceof ReviewEvent.ArbitrationDecided decided) {
            return outcome(event, key, io.cpor.events.outcomes.ArbitrationDecided.newBuilder().setMetadata(metadata)
                    .setClaim(claim(s.claim())).setOutcome(ArbitrationOutcome.valueOf(decided.outcome().name()))
                    .setDecidedBy(decided.decidedBy()).build());
        }
        if (event instanceof ReviewEvent.InformationRequested requested) {
            return outcome(event, key, InformationRequested.newBuilder().setMetadata(metadata)
                    .setClaim(claim(s.claim())).setMessage(requested.message())
                    .setReasons(requested.reasons().stream().map(InformationReason::valueOf).toList())
                    .setRequestedBy(requested.requestedBy()).setAnswerBy(requested.answerBy()).build());
        }
        if (!(event instanceof ReviewEvent.DecisionRecorded recorded)) {
            throw new IllegalStateException("No record of the contract for the review event " + event.getClass()
                    .getName());
        }
        Decision decision = recorded.decision();
        return new OutboxMessage(event.eventId(), event.occurredAt(), Topics.CLAIMS_REVIEW_DECISIONS, key,
                ReviewDecided.newBuilder().setMetadata(metadata)
                        .setDecision(ReviewDecision.valueOf(decision.kind().name()))
                        .setReason(decision.reason()).setMessage(decision.message())
                        .setInformationReasons(decision.informationReasons().stream().map(InformationReason::valueOf)
                                .toList())
                        .setValidator(decision.validator()).setReviewRequestId(decision.reviewRequestId()).build());
    }

    static Claim claim(ClaimSnapshot c) {
        return Claim.newBuilder().setPartnerId(c.partnerId()).setName(c.name())
                .setCustomer(Customer.newBuilder().setTenantId(c.tenantId()).setDomain(c.domain())
                        .setLocale(c.locale())
                        .setContact(CustomerContact.newBuilder().setName(c.customerContact().name())
                                .setTitle(c.customerContact().title()).setEmail(c.customerContact().email()).build())
                        .build())
                .setPartnerContact(PartnerContact.newBuilder().setName(c.partnerContact().name())
                        .setEmail(c.partnerContact().email()).build())
                .setSolutionArea(c.solutionArea()).setProgram(c.program()).setPartnerRole(c.partnerRole())
                .setWorkloads(c.workloads()).setSubscriptionId(c.subscriptionId())
                .setProofOfExecution(c.proofOfExecution() == null ? null : document(c.proofOfExecution()))
                .setTechnicalContact(c.technicalContact() == null ? null : TechnicalContact.newBuilder()
                        .setName(c.technicalContact().name()).setEmail(c.technicalContact().email())
                        .setPhone(c.technicalContact().phone()).build())
                .setComments(c.comments()).setProgramTermsAccepted(c.programTermsAccepted())
                .setIncentiveOptOut(c.incentiveOptOut())
                .build();
    }

    private static OutboxMessage outcome(ReviewEvent event, String key, Object record) {
        return new OutboxMessage(event.eventId(), event.occurredAt(), Topics.CLAIMS_OUTCOMES, key, record);
    }

    private static CheckResult check(io.cpor.validation.domain.CheckResult check) {
        return CheckResult.newBuilder().setCode(check.code()).setPassed(check.passed()).setMessage(check.message())
                .build();
    }

    private static InformationExchange exchange(io.cpor.validation.domain.InformationExchange e) {
        return InformationExchange.newBuilder().setRequestedAt(e.requestedAt()).setRequestedBy(e.requestedBy())
                .setQuestion(e.question()).setAnsweredAt(e.answeredAt()).setAnswer(e.answer())
                .setDocuments(e.documents().stream().map(ReviewRecords::document).toList())
                .setReasons(e.reasons().stream().map(InformationReason::valueOf).toList())
                .setChanges(e.changes().stream().map(change -> ClaimChange.newBuilder().setField(change.field())
                        .setBefore(change.before()).setAfter(change.after()).build()).toList())
                .build();
    }

    private static Arbitration arbitration(io.cpor.validation.domain.Arbitration a) {
        return Arbitration.newBuilder().setContestedWorkloads(a.contestedWorkloads())
                .setHolders(a.holders().stream().map(h -> ArbitrationHolder.newBuilder().setClaimId(h.claimId())
                        .setWorkloads(h.workloads()).setClaim(h.claim() == null ? null : claim(h.claim()))
                        .setApprovedBy(h.approvedBy())
                        .setInformationExchanges(h.exchanges().stream().map(ReviewRecords::exchange).toList())
                        .build()).toList())
                .build();
    }

    private static Dispute dispute(io.cpor.validation.domain.Dispute d) {
        return Dispute.newBuilder().setDisputedAt(d.disputedAt()).setJustification(d.justification())
                .setDocuments(d.documents().stream().map(ReviewRecords::document).toList())
                .setRejectedAt(d.rejectedAt()).setRejectedBy(d.rejectedBy())
                .setRejectedFor(d.rejectedFor().stream().map(ReviewRecords::check).toList()).build();
    }

    private static DocumentReference document(ClaimSnapshot.DocumentRef ref) {
        return DocumentReference.newBuilder().setFileName(ref.fileName()).setMediaType(ref.mediaType())
                .setSizeBytes(ref.sizeBytes()).setSha256(ref.sha256()).setUri(ref.uri()).build();
    }

    static List<OutboxMessage> messages(Review review) {
        return review.state().pendingEvents().stream().map(event -> message(review, event)).toList();
    }
}
