package io.cpor.notifications.domain;

import java.util.ArrayList;
import java.util.List;

/** Hands mail to the SMTP server; returns once the server accepted it. */
@FunctionalInterface
public interface MailSender {

    void send(RenderedMail mail) throws MailDeliveryException;

    /**
     * Sends several mails, over one connection where the sender can; the outcome of each in order: {@code null} when
     * the server accepted it, else why not. One mail's failure does not stop the others.
     */
    default List<MailDeliveryException> sendAll(List<RenderedMail> mails) {
        List<MailDeliveryException> outcomes = new ArrayList<>(mails.size());
        for (RenderedMail mail : mails) {
            try {
                send(mail);
                outcomes.add(null);
            }
            catch (MailDeliveryException e) {
                outcomes.add(e);
            }
        }
        return outcomes;
    }
}
