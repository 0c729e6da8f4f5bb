package io.cpor.local.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The real time plus an offset that tests can move: timers come due without waiting for them, and a service can be
 * made to live on a chosen day (time still runs from there).
 */
public final class MutableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** From now on the clock reads {@code instant}, and runs on from there. */
    public void setTo(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    /** Back to the real time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
