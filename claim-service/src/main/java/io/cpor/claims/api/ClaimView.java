package io.cpor.claims.api;

import io.cpor.claims.domain.Claim;
import io.cpor.claims.domain.ClaimDetails;
import io.cpor.claims.domain.ClaimStatus;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A claim as the partner reads it. */
@Schema(description = "A claim, its status, each workload's association state and what happened when")
record ClaimView(
        @Schema(example = "5d9c2f7e-3b1a-4c8e-9f6d-2a7b1c0e4d53") String claimId,
        @Schema(example = "1000001") String partnerId,
        @Schema(example = "Contoso Teams rollout") String name,
        @Schema(description = "SUBMITTED, IN_REVIEW, INFORMATION_REQUESTED, REJECTED, DISPUTED (in review again: "
                + "you dispute the rejection), APPROVED, CONTESTED (another partner holds some "
                + "workloads: Microsoft arbitrates), AWAITING_CUSTOMER, ASSOCIATED, DECLINED_BY_CUSTOMER, WITHDRAWN, "
                + "REMOVED_BY_CUSTOMER or REJECTED_FINAL (ended for good: rejected after a dispute, ended by the "
                + "partner, PARTNER_REQUEST, or awarded to another partner after review, SUPERSEDED_AFTER_REVIEW)", example = "AWAITING_CUSTOMER")
        String status,
        Instant submittedAt,
        Instant updatedAt,
        ClaimRequest.CustomerRequest customer,
        ClaimRequest.PartnerContactRequest partnerContact,
        String solutionArea,
        String program,
        String partnerRole,
        @Schema(description = "Each workload and its association state: REQUESTED, CONTESTED, CONFLICT, "
                + "PENDING_CUSTOMER, ACTIVE, DECLINED, REMOVED or WITHDRAWN") List<WorkloadView> workloads,
        @Schema(description = "The customer's subscription id, for Business Applications claims", nullable = true)
        String subscriptionId,
        @Schema(description = "The signed proof of execution, if one was given", nullable = true)
        ClaimRequest.DocumentRequest proofOfExecution,
        @Schema(description = "Your technical person, for Business Applications claims", nullable = true)
        ClaimRequest.TechnicalContactRequest technicalContact,
        @Schema(description = "Your comments at submission", nullable = true) String comments,
        @Schema(description = "You accepted the program's terms when submitting") boolean programTermsAccepted,
        @Schema(description = "You opted out of the program's incentive") boolean incentiveOptOut,
        @Schema(description = "Until when the customer may decline, once they are notified", nullable = true)
        Instant declineBy,
        @Schema(description = "Why the claim was rejected") List<ReasonView> rejectionReasons,
        @Schema(description = "While the claim is REJECTED and not disputed yet: until when you may dispute it",
                nullable = true) Instant disputableUntil,
        @Schema(description = "Your dispute of the rejection, once you raised it", nullable = true)
        DisputeView dispute,
        @Schema(description = "The validator's last question, while it is open or after", nullable = true)
        InformationRequestView informationRequest,
        @Schema(description = "What happened when, oldest first") List<TimelineView> timeline) {

    record WorkloadView(@Schema(example = "TEAMS") String workload,
            @Schema(example = "PENDING_CUSTOMER") String state) {
    }

    record ReasonView(@Schema(example = "TENANT_DOMAIN_MISMATCH") String code, String message) {
    }

    record InformationRequestView(String message,
            @ArraySchema(arraySchema = @Schema(description = "The validator's coded reasons"), schema = @Schema(
                    allowableValues = {"MISSING_PROOF_OF_EXECUTION", "MISSING_CUSTOMER_ACKNOWLEDGEMENT",
                        "MISSING_OR_OUTDATED_DATES", "MISSING_PARTNER_SOLUTION", "MISSING_PRODUCTS"}))
            List<String> reasons, Instant requestedAt, Instant answerBy) {
    }

    record DisputeView(Instant disputedAt, String justification, List<ClaimRequest.DocumentRequest> documents) {
    }

    record TimelineView(Instant at, @Schema(example = "APPROVED") String event, String detail) {
    }

    /** The claim as its partner reads it; a rejection may be disputed for {@code disputeWindow}. */
    static ClaimView of(Claim claim, Duration disputeWindow) {
        Claim.State state = claim.state();
        ClaimDetails details = state.details();
        ClaimDetails.Customer customer = details.customer();
        return new ClaimView(state.id().toString(), details.partnerId(), details.name(), state.status().name(),
                state.submittedAt(), state.updatedAt(),
                new ClaimRequest.CustomerRequest(customer.tenantId().toString(), customer.domain(),
                        customer.locale(), new ClaimRequest.ContactRequest(customer.contact().name(),
                                customer.contact().title(), customer.contact().email())),
                new ClaimRequest.PartnerContactRequest(details.partnerContact().name(),
                        details.partnerContact().email()),
                details.solutionArea(), details.program(), details.partnerRole(),
                state.workloads().entrySet().stream()
                        .map(entry -> new WorkloadView(entry.getKey(), entry.getValue().name())).toList(),
                details.subscriptionId(), document(details.proofOfExecution()),
                technical(details.technicalContact()), details.comments(), details.programTermsAccepted(),
                details.incentiveOptOut(), state.declineBy(),
                state.rejectionReasons().stream().map(reason -> new ReasonView(reason.code(), reason.message()))
                        .toList(),
                state.status() == ClaimStatus.REJECTED && state.dispute() == null
                        ? claim.disputableUntil(disputeWindow) : null,
                state.dispute() == null ? null : new DisputeView(state.dispute().disputedAt(),
                        state.dispute().justification(), state.dispute().documents().stream()
                                .map(ClaimView::document).toList()),
                state.informationRequest() == null ? null : new InformationRequestView(
                        state.informationRequest().message(), state.informationRequest().reasons(),
                        state.informationRequest().requestedAt(),
                        state.informationRequest().answerBy()),
                state.timeline().stream().map(entry -> new TimelineView(entry.at(), entry.event(), entry.detail()))
                        .toList());
    }

    static ClaimRequest.TechnicalContactRequest technical(ClaimDetails.TechnicalContact contact) {
        return contact == null ? null : new ClaimRequest.TechnicalContactRequest(contact.name(), contact.email(),
                contact.phone());
    }

    static ClaimRequest.DocumentRequest document(ClaimDetails.DocumentRef ref) {
        return ref == null ? null : new ClaimRequest.DocumentRequest(ref.fileName(), ref.mediaType(),
                ref.sizeBytes(), ref.sha256(), ref.uri());
    }
}
