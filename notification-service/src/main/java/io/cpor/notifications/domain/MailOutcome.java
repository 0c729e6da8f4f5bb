package io.cpor.notifications.domain;

/** What happened to one attempt, for metrics and logs. */
public enum MailOutcome {
    SENT, RETRY, FAILED, DEFERRED
}
