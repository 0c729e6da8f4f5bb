package io.cpor.local.mail;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;

/** A mail in a mailbox of the local SMTP server. */
public record ReceivedMail(String mailbox, long uid, Instant receivedAt, MimeMessage message) {
}
