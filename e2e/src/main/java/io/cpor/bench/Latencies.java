package io.cpor.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Latencies in milliseconds, up to ten minutes, three significant digits. */
final class Latencies {

    private final Histogram histogram = new Histogram(TimeUnit.MINUTES.toMillis(10), 3);

    synchronized void record(long millis) {
        histogram.recordValue(Math.max(0, Math.min(millis, histogram.getHighestTrackableValue())));
    }

    synchronized long count() {
        return histogram.getTotalCount();
    }

    synchronized String summary() {
        if (histogram.getTotalCount() == 0) {
            return "no samples";
        }
        return String.format("p50 %d ms, p95 %d ms, p99 %d ms, max %d ms", histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(95), histogram.getValueAtPercentile(99), histogram.getMaxValue());
    }
}
