package io.cpor.notifications.domain;

/** Hands a mail to the SMTP server; returns once the server accepted it. */
@FunctionalInterface
public interface MailSender {

    void send(RenderedMail mail) throws MailDeliveryException;
}
