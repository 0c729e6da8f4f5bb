package io.cpor.validation.domain;

import java.time.Instant;

/** Until when a partner may answer an information request made at a given time. */
@FunctionalInterface
public interface InformationWindow {

    Instant answerBy(Instant requestedAt);
}
