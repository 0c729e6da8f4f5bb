package io.cpor.notifications.domain;

/** QUEUED until the SMTP server takes the mail; FAILED only when it can never be sent (an invalid address). */
public enum MailStatus {
    QUEUED, SENT, FAILED
}
