package io.cpor.notifications.domain;

/** Publishes a sent mail's pending events soon, without making the sender wait for the broker. */
public interface NotificationEventsPublisher {

    void publishSoon(OutgoingMail sent);
}
