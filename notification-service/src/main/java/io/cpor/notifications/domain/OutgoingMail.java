package io.cpor.notifications.domain;

import io.cpor.schemas.EventIds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A mail to send for an event. Its id derives from the event's id and the kind, so the same event queues it once
 * however often it is delivered; its Message-ID derives from its id, so a resend after a crash is recognisably the
 * same mail.
 *
 * @param model what the template shows (strings and lists of strings, from the event)
 * @param notice for the customer's association request, what its CustomerNotified event names
 * @param pendingEvents the CustomerNotified of a sent customer mail, until published
 */
public record OutgoingMail(UUID id, UUID sourceEventId, UUID claimId, MailKind kind, Recipient to, String locale,
        Map<String, Object> model, CustomerNotice notice, MailStatus status, int attempts, Instant queuedAt,
        Instant nextAttemptAt, String lastError, Instant sentAt, Instant declineBy, String messageId,
        List<CustomerNotified> pendingEvents, long revision) {

    public static final String MESSAGE_ID_DOMAIN = "notifications.cpor";
    /** The model's decline link: it carries the customer's token, so it is not kept once the mail is sent. */
    public static final String DECLINE_URL = "declineUrl";
    /** The model's PartnerID: whose limit a partner mail counts against. */
    public static final String PARTNER_ID = "partnerId";

    public OutgoingMail {
        model = Map.copyOf(model);
        pendingEvents = List.copyOf(pendingEvents);
    }

    /** A mail queued for an event, to be sent at once. */
    public static OutgoingMail queue(UUID sourceEventId, UUID claimId, MailKind kind, Recipient to, String locale,
            Map<String, Object> model, CustomerNotice notice, Instant now) {
        UUID id = EventIds.derive(sourceEventId, "mail:" + kind.name());
        return new OutgoingMail(id, sourceEventId, claimId, kind, to, locale, model, notice, MailStatus.QUEUED, 0,
                now, now, null, null, null, messageIdOf(id), List.of(), 0);
    }

    /** An attempt begins: counted now, as a worker taking the mail from the queue counts it. */
    public OutgoingMail taken() {
        return new OutgoingMail(id, sourceEventId, claimId, kind, to, locale, model, notice, status, attempts + 1,
                queuedAt, nextAttemptAt, lastError, sentAt, declineBy, messageId, pendingEvents, revision);
    }

    /** The RFC 5322 Message-ID of the mail with this id. */
    public static String messageIdOf(UUID id) {
        return "<" + id + "@" + MESSAGE_ID_DOMAIN + ">";
    }

    public boolean forCustomer() {
        return kind == MailKind.CUSTOMER_ASSOCIATION_REQUEST;
    }

    /**
     * The SMTP server took it at {@code sentAt}; a customer mail also emits its CustomerNotified, and forgets its
     * decline link (the customer has it; nobody else should).
     */
    public OutgoingMail sent(Instant at, Instant deadline) {
        List<CustomerNotified> events = notice == null ? List.of() : List.of(new CustomerNotified(
                EventIds.derive(sourceEventId, "customer-notified"), at, sourceEventId, claimId, notice, at, deadline,
                messageId));
        Map<String, Object> kept = new java.util.HashMap<>(model);
        kept.remove(DECLINE_URL);
        return new OutgoingMail(id, sourceEventId, claimId, kind, to, locale, kept, notice, MailStatus.SENT,
                attempts, queuedAt, null, null, at, deadline, messageId, events, revision);
    }

    /** Not sent this time: tried again at {@code next}. */
    public OutgoingMail retryAt(Instant next, String error) {
        return new OutgoingMail(id, sourceEventId, claimId, kind, to, locale, model, notice, MailStatus.QUEUED,
                attempts, queuedAt, next, error, null, null, messageId, pendingEvents, revision);
    }

    /** Can never be sent. */
    public OutgoingMail failed(String error) {
        return new OutgoingMail(id, sourceEventId, claimId, kind, to, locale, model, notice, MailStatus.FAILED,
                attempts, queuedAt, null, error, null, null, messageId, pendingEvents, revision);
    }
}
