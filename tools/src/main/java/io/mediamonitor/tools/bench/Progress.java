package io.mediamonitor.tools.bench;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * A progress line per phase every few seconds (done/total and the rate since the phase's first
 * report), so a long phase shows it is moving and how fast. Called from the waiting thread only. One for each run
 * of a phase: the pipeline's warm-up and its throughput phase report under the same labels, and a rate measured
 * from the warm-up's first report would understate the second.
 */
final class Progress {

    private static final long EVERY_NANOS = 5_000_000_000L;

    private final PrintStream out;
    private final Map<String, long[]> phases = new HashMap<>();

    Progress(PrintStream out) {
        this.out = out;
    }

    void report(String phase, long done, long total) {
        double seconds = due(phase);
        if (seconds > 0) {
            out.printf("  %s: %,d/%,d (%,.0f/s over %.0f s)%n", phase, done, total, done / seconds, seconds);
        }
    }

    /** For a wait measured in what is left rather than what is done. */
    void behind(String phase, long records) {
        double seconds = due(phase);
        if (seconds > 0) {
            out.printf("  %s: %,d records behind after %.0f s%n", phase, records, seconds);
        }
    }

    /** Seconds since the phase's first report when a line is due, else 0. */
    private double due(String phase) {
        long now = System.nanoTime();
        long[] times = phases.computeIfAbsent(phase, p -> new long[] {now, now});
        if (now - times[1] < EVERY_NANOS) {
            return 0;
        }
        times[1] = now;
        return (now - times[0]) / 1e9;
    }
}
