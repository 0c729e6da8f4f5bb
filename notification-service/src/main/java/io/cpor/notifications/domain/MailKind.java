package io.cpor.notifications.domain;

import java.util.Locale;

/**
 * What a mail is about. The customer's request has a template of its own; every partner mail shares one, its words
 * ({@link #messages()}: subject, intro, next step) differing by kind.
 */
public enum MailKind {
    CUSTOMER_ASSOCIATION_REQUEST, PARTNER_CLAIM_REJECTED,
    /** A disputed claim was rejected again: final. */
    PARTNER_CLAIM_REJECTED_FINAL, PARTNER_INFORMATION_REQUESTED,
    PARTNER_WORKLOADS_CONFLICTED, PARTNER_ASSOCIATION_ACTIVE, PARTNER_CUSTOMER_DECLINED, PARTNER_CUSTOMER_REMOVED,
    /** After arbitration, Microsoft awarded the partner's workloads to another partner. */
    PARTNER_ASSOCIATION_SUPERSEDED,
    /** The customer is told its partner of record ended the association (in the customer's language). */
    CUSTOMER_ASSOCIATION_ENDED;

    /** The prefix of this kind's messages, e.g. {@code partner-claim-rejected}. */
    public String messages() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The template (without suffix) of this kind's mail. */
    public String template() {
        return this == CUSTOMER_ASSOCIATION_REQUEST ? messages() : "partner";
    }
}
