package io.cpor.validation.domain;

/** Publishes a review's pending events soon, in order, without making the caller wait for the broker. */
public interface ReviewEventsPublisher {

    void publishSoon(Review stored);
}
