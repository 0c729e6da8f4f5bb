package io.cpor.notifications.domain;

import java.time.Instant;

/** Renders a mail from its template, in its language; {@code declineBy} is shown to the customer. */
@FunctionalInterface
public interface MailRenderer {

    RenderedMail render(OutgoingMail mail, Instant declineBy);
}
