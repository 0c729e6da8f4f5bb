package io.cpor.claims.domain;

/** Publishes a claim's pending events soon, in order, without making the caller wait for the broker. */
public interface ClaimEventsPublisher {

    /** The claim as just stored, so the publisher need not read it again. */
    void publishSoon(Claim stored);
}
