package io.mediamonitor.tools.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Latencies in microseconds, from 1 µs to an hour at 3 significant digits (HdrHistogram), written by
 * one follower thread and read by the benchmark thread.
 */
final class LatencyRecorder {

    private final Histogram histogram = new Histogram(TimeUnit.HOURS.toMicros(1), 3);

    synchronized void record(long nanos) {
        histogram.recordValue(Math.max(1, Math.min(histogram.getHighestTrackableValue(), nanos / 1_000)));
    }

    synchronized long count() {
        return histogram.getTotalCount();
    }

    /** The latency at {@code percentile} (0-100) in milliseconds; NaN when nothing was recorded. */
    synchronized double millisAt(double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1_000.0;
    }
}
