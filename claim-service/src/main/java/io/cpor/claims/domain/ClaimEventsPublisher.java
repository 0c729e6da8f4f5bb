package io.cpor.claims.domain;

import java.util.UUID;

/** Publishes a claim's pending events soon, in order, without making the caller wait for the broker. */
public interface ClaimEventsPublisher {

    void publishSoon(UUID claimId);
}
