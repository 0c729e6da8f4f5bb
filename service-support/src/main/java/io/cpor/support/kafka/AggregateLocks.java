package io.cpor.support.kafka;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One listener thread at a time per aggregate, in this process. An aggregate's events arrive on several topics,
 * keyed differently (by claim, by tenant), so two consumers of one listener may take events of the same aggregate at
 * the same moment; both would read it, one guarded update would fail, and that event would be read and written
 * again. Here the second waits for the first instead. Locks are striped by the aggregate's key, so unrelated
 * aggregates rarely wait for each other; instances of a service still meet only at the guarded update.
 */
public final class AggregateLocks {

    private final ReentrantLock[] stripes;

    public AggregateLocks(int stripes) {
        if (stripes < 1) {
            throw new IllegalArgumentException("at least one stripe");
        }
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    /** Runs the work holding the aggregate's lock (a blocking call: for listener threads). */
    public <T> T with(Object aggregateKey, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(aggregateKey.hashCode(), stripes.length)];
        lock.lock();
        try {
            return work.get();
        }
        finally {
            lock.unlock();
        }
    }
}
