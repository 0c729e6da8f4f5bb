package io.cpor.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code limit} mails to one partner in any {@code period}, in this process: a partner's integration cannot
 * make the service send its contacts (or whoever it names as one) mail without end. A mail over the limit is not
 * dropped; it waits until the window lets it go.
 */
public final class PartnerMailLimit {

    private static final int PARTNERS_REMEMBERED = 10_000;

    private final int limit;
    private final Duration period;
    private final Map<String, Deque<Instant>> sent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > PARTNERS_REMEMBERED;
        }
    };

    public PartnerMailLimit(int limit, Duration period) {
        if (limit < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a partner mail limit needs at least one mail in a positive period");
        }
        this.limit = limit;
        this.period = period;
    }

    /**
     * Counts a mail to the partner at {@code now} if the window has room, and answers {@code now}; otherwise counts
     * nothing and answers when the window will have room.
     */
    public synchronized Instant take(String partnerId, Instant now) {
        Deque<Instant> times = sent.computeIfAbsent(partnerId, id -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(period))) {
            times.pollFirst();
        }
        if (times.size() < limit) {
            times.addLast(now);
            return now;
        }
        return times.peekFirst().plus(period);
    }
}
