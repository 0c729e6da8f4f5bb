package io.cpor.notifications.domain;

import java.time.Instant;

/** Until when a customer notified at a given time may decline. */
@FunctionalInterface
public interface DeclineDeadline {

    Instant declineBy(Instant notifiedAt);
}
