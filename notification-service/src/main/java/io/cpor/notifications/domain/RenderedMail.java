package io.cpor.notifications.domain;

/** A mail ready for SMTP: its Message-ID, recipient, subject and both bodies. */
public record RenderedMail(String messageId, Recipient to, String subject, String text, String html) {
}
