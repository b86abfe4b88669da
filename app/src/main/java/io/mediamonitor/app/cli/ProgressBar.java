package io.mediamonitor.app.cli;

import java.io.PrintStream;

/**
 * Progress of long work on stderr: a bar redrawn in place on a terminal, a line every 10% in a log.
 * Redraws at most every 200 ms, so it costs nothing per item.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final long total;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long lastDraw;
    /** Whether the bar is on its line now, on a terminal. */
    private boolean drawn;
    private int lastDecile = -1;

    ProgressBar(PrintStream err, long total) {
        this.err = err;
        this.total = Math.max(1, total);
        this.terminal = System.console() != null;
    }

    void update(long done, long items) {
        double fraction = Math.min(1.0, (double) done / total);
        long now = System.nanoTime();
        if (terminal) {
            if (now - lastDraw < 200_000_000L && fraction < 1.0) {
                return;
            }
            lastDraw = now;
            drawn = true;
            int filled = (int) Math.round(fraction * WIDTH);
            err.printf("\r[%s%s] %3.0f%%  %,d articles  %,.0f/s ", "#".repeat(filled), ".".repeat(WIDTH - filled),
                    fraction * 100, items, rate(items, now));
        } else {
            int decile = (int) (fraction * 10);
            if (decile > lastDecile) {
                lastDecile = decile;
                err.printf("%3d%%  %,d articles  %,.0f/s%n", decile * 10, items, rate(items, now));
            }
        }
    }

    /** Clears the bar from its line before other output, on a terminal; a later update draws it again. */
    void clear() {
        if (terminal && drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }

    void finish() {
        if (terminal) {
            err.println();
        }
    }

    private double rate(long items, long now) {
        double seconds = (now - started) / 1e9;
        return seconds <= 0 ? 0 : items / seconds;
    }
}
