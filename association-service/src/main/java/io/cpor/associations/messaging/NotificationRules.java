package io.cpor.associations.messaging;

import io.cpor.associations.AssociationProperties;
import io.cpor.events.notifications.CustomerNotified;
import io.cpor.support.calendar.BusinessCalendar;
import io.cpor.support.kafka.InvalidEventException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * What a {@code CustomerNotified} must keep before it may start a decline window: the mail was sent in the past
 * (give or take the clock skew), and the deadline it told the customer is no earlier than the window this service's
 * own calendar gives from that moment (five full business days, or the configured demo window). Whoever writes a
 * shorter one is trying to make an association official before the customer could answer.
 */
@Component
class NotificationRules {

    private final UnaryOperator<Instant> window;
    private final Duration clockSkew;
    private final Clock clock;

    NotificationRules(AssociationProperties properties, BusinessCalendar calendar, Clock clock) {
        this.window = calendar.window(properties.declineBusinessDays(), properties.declineWindow());
        this.clockSkew = properties.clockSkew();
        this.clock = clock;
    }

    void check(CustomerNotified notified) {
        Instant sentAt = notified.getSentAt();
        if (sentAt.isAfter(clock.instant().plus(clockSkew))) {
            throw new InvalidEventException("CustomerNotified says the mail was sent at " + sentAt
                    + ", in the future");
        }
        Instant shortest = window.apply(sentAt);
        if (notified.getDeclineBy().isBefore(shortest)) {
            throw new InvalidEventException("CustomerNotified gives the customer until " + notified.getDeclineBy()
                    + ", earlier than the decline window from " + sentAt + " allows (" + shortest + ")");
        }
    }
}
