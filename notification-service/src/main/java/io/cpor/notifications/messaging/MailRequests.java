package io.cpor.notifications.messaging;

import io.cpor.events.EventMetadata;
import io.cpor.events.associations.AssociationActivated;
import io.cpor.events.associations.AssociationConflicted;
import io.cpor.events.associations.AssociationDeclined;
import io.cpor.events.associations.AssociationDisassociated;
import io.cpor.events.associations.AssociationRemoved;
import io.cpor.events.associations.AssociationSuperseded;
import io.cpor.events.associations.AssociationRequested;
import io.cpor.events.associations.ConflictReason;
import io.cpor.events.claims.PartnerContact;
import io.cpor.events.outcomes.ClaimRejected;
import io.cpor.events.outcomes.InformationRequested;
import io.cpor.events.review.InformationReason;
import io.cpor.notifications.NotificationProperties;
import io.cpor.notifications.domain.CustomerNotice;
import io.cpor.notifications.domain.MailKind;
import io.cpor.notifications.domain.OutgoingMail;
import io.cpor.notifications.domain.Recipient;
import io.cpor.schemas.catalog.SolutionCatalog;
import io.cpor.support.kafka.InvalidEventException;
import io.cpor.support.partners.RegisteredPartner;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Which mail an event calls for, to whom, and what it shows (workloads and programs by their names). */
@Component
final class MailRequests {

    private final SolutionCatalog catalog;
    private final String declineBaseUrl;

    MailRequests(SolutionCatalog catalog, NotificationProperties properties) {
        this.catalog = catalog;
        this.declineBaseUrl = properties.declineBaseUrl();
    }

    /**
     * The mail an event calls for, if any. A customer's mail names the partner as the partner directory registered
     * it ({@code partner}, required for an {@link AssociationRequested}), never as the claim names it.
     */
    Optional<OutgoingMail> of(Object event, RegisteredPartner partner, Instant now) {
        if (event instanceof AssociationRequested requested) {
            return Optional.of(customerMail(requested, partner, now));
        }
        if (event instanceof ClaimRejected rejected) {
            MailKind kind = rejected.getAfterDispute() ? MailKind.PARTNER_CLAIM_REJECTED_FINAL
                    : MailKind.PARTNER_CLAIM_REJECTED;
            return partnerMail(kind, rejected.getMetadata(),
                    rejected.getClaim().getPartnerId(), rejected.getClaim().getPartnerContact(), rejected.getClaim().getName(),
                    rejected.getReasons().stream().map(reason -> reason.getCode() + ": " + reason.getMessage())
                            .toList(), now);
        }
        if (event instanceof InformationRequested requested) {
            return partnerMail(MailKind.PARTNER_INFORMATION_REQUESTED, requested.getMetadata(),
                    requested.getClaim().getPartnerId(), requested.getClaim().getPartnerContact(), requested.getClaim().getName(),
                    informationLines(requested), now, "answerBy", requested.getAnswerBy().toString());
        }
        if (event instanceof AssociationConflicted conflicted) {
            return partnerMail(MailKind.PARTNER_WORKLOADS_CONFLICTED, conflicted.getMetadata(),
                    conflicted.getPartnerId(), conflicted.getPartnerContact(), conflicted.getClaimName(), conflicted.getConflicts().stream()
                            .map(conflict -> workload(conflict.getWorkload()) + ": " + reason(conflict.getReason()))
                            .toList(), now);
        }
        if (event instanceof AssociationActivated activated) {
            return partnerMail(MailKind.PARTNER_ASSOCIATION_ACTIVE, activated.getMetadata(),
                    activated.getPartnerId(), activated.getPartnerContact(), activated.getClaimName(), workloads(activated.getWorkloads()),
                    now, "tenantId", activated.getTenantId().toString());
        }
        if (event instanceof AssociationDeclined declined) {
            return partnerMail(MailKind.PARTNER_CUSTOMER_DECLINED, declined.getMetadata(),
                    declined.getPartnerId(), declined.getPartnerContact(), declined.getClaimName(), workloads(declined.getWorkloads()), now);
        }
        if (event instanceof AssociationDisassociated ended) {
            return Optional.of(endedMail(ended, partner, now));
        }
        if (event instanceof AssociationRemoved removed) {
            return partnerMail(MailKind.PARTNER_CUSTOMER_REMOVED, removed.getMetadata(), removed.getPartnerId(),
                    removed.getPartnerContact(),
                    removed.getClaimName(), workloads(removed.getWorkloads()), now);
        }
        if (event instanceof AssociationSuperseded superseded) {
            // Who was awarded the workloads is never said.
            return partnerMail(MailKind.PARTNER_ASSOCIATION_SUPERSEDED, superseded.getMetadata(),
                    superseded.getPartnerId(), superseded.getPartnerContact(), superseded.getClaimName(),
                    workloads(superseded.getWorkloads()), now);
        }
        return Optional.empty();
    }

    private OutgoingMail customerMail(AssociationRequested requested, RegisteredPartner partner, Instant now) {
        String url = requested.getDeclineUrl();
        if (!url.startsWith(declineBaseUrl) || !url.matches("[A-Za-z0-9:/._~%?=&-]+")) {
            throw new InvalidEventException("declineUrl does not start with " + declineBaseUrl
                    + " (or holds what no decline link holds): it would send the customer elsewhere");
        }
        if (partner == null || !partner.partnerId().equals(requested.getPartnerId())) {
            throw new IllegalArgumentException("the registered partner of the request is needed");
        }
        if (requested.getWorkloads().isEmpty()) {
            throw new InvalidEventException("AssociationRequested names no workload");
        }
        var customer = requested.getCustomer();
        Map<String, Object> model = new HashMap<>();
        model.put("customerName", customer.getContact().getName());
        model.put("partnerName", partner.name());
        model.put(OutgoingMail.PARTNER_ID, requested.getPartnerId());
        model.put("tenantId", customer.getTenantId().toString());
        model.put("domain", customer.getDomain());
        model.put("program", catalog.solutionArea(requested.getSolutionArea())
                .flatMap(area -> area.program(requested.getProgram())).map(SolutionCatalog.Program::name)
                .orElse(requested.getProgram()));
        model.put("workloads", workloads(requested.getWorkloads()));
        model.put("declineUrl", url);
        return OutgoingMail.queue(requested.getMetadata().getEventId(), requested.getMetadata().getClaimId(),
                MailKind.CUSTOMER_ASSOCIATION_REQUEST, new Recipient(customer.getContact().getEmail(),
                        customer.getContact().getName()), customer.getLocale(), model,
                new CustomerNotice(requested.getRequestId(), customer.getTenantId(), requested.getPartnerId()), now);
    }

    /**
     * The customer's mail when the partner ends the association: the partner as registered (never the claim's text,
     * nor the partner's reason, which it typed), the tenant and the workloads, in the customer's language.
     */
    private OutgoingMail endedMail(AssociationDisassociated ended, RegisteredPartner partner, Instant now) {
        if (partner == null || !partner.partnerId().equals(ended.getPartnerId())) {
            throw new IllegalArgumentException("the registered partner of the association is needed");
        }
        var customer = ended.getCustomer();
        Map<String, Object> model = new HashMap<>();
        model.put("partnerName", customer.getContact().getName());
        model.put("claimName", partner.name());
        model.put(OutgoingMail.PARTNER_ID, ended.getPartnerId());
        model.put("claimId", ended.getPartnerId());
        model.put("tenantId", customer.getTenantId().toString());
        model.put("items", workloads(ended.getWorkloads()));
        return OutgoingMail.queue(ended.getMetadata().getEventId(), ended.getMetadata().getClaimId(),
                MailKind.CUSTOMER_ASSOCIATION_ENDED, new Recipient(customer.getContact().getEmail(),
                        customer.getContact().getName()), customer.getLocale(), model, null, now);
    }

    /** A partner mail: the claim, a list (reasons, questions or workloads), and any extra values by name. */
    private static Optional<OutgoingMail> partnerMail(MailKind kind, EventMetadata metadata, String partnerId,
            PartnerContact contact, String claimName, List<String> items, Instant now, String... extra) {
        Map<String, Object> model = new HashMap<>();
        model.put("partnerName", contact.getName());
        model.put(OutgoingMail.PARTNER_ID, partnerId);
        model.put("claimName", claimName);
        model.put("claimId", metadata.getClaimId().toString());
        model.put("items", items);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            model.put(extra[i], extra[i + 1]);
        }
        return Optional.of(OutgoingMail.queue(metadata.getEventId(), metadata.getClaimId(), kind,
                new Recipient(contact.getEmail(), contact.getName()), "en", model, null, now));
    }

    private List<String> workloads(List<String> codes) {
        return codes.stream().map(this::workload).toList();
    }

    private String workload(String code) {
        return catalog.workload(code).map(SolutionCatalog.Workload::name).orElse(code);
    }

    private static String reason(ConflictReason reason) {
        return switch (reason) {
            case WORKLOAD_HELD_BY_ANOTHER_PARTNER -> "another partner is partner of record for it";
            case ALREADY_ASSOCIATED -> "you are already partner of record for it";
            default -> "it cannot be associated now";
        };
    }

    /** The validator's question, then each coded reason by its code (the partner's tools know the codes). */
    private static List<String> informationLines(InformationRequested requested) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(requested.getMessage());
        requested.getReasons().stream().filter(reason -> reason != InformationReason.UNKNOWN)
                .forEach(reason -> lines.add("Reason: " + reason.name()));
        return lines;
    }
}
