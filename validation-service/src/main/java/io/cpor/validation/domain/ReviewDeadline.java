package io.cpor.validation.domain;

import java.time.Instant;

/** By when a review that entered the queue at a given time should be decided. */
@FunctionalInterface
public interface ReviewDeadline {

    Instant dueBy(Instant queuedAt);
}
