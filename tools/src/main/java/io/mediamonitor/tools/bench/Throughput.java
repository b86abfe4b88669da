package io.mediamonitor.tools.bench;

import java.time.Duration;

/**
 * How much of a phase's work was done in how long: the whole of it when {@code complete}, else as far as
 * it got before the deadline.
 */
record Throughput(long done, long total, Duration elapsed, boolean complete) {

    static Throughput between(long startNanos, long endNanos, long done, long total, boolean complete) {
        return new Throughput(done, total, Duration.ofNanos(Math.max(1, endNanos - startNanos)), complete);
    }

    double perSecond() {
        return done / (elapsed.toNanos() / 1e9);
    }

    /** This rate over {@code baseline}'s. */
    double ratioTo(double baseline) {
        return perSecond() / baseline;
    }
}
