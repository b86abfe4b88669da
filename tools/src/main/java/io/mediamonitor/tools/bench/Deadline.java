package io.mediamonitor.tools.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A point in time after which the benchmark stops waiting and reports how far it got. */
final class Deadline {

    private static final long POLL_MILLIS = 50;

    private final long atNanos;

    private Deadline(long atNanos) {
        this.atNanos = atNanos;
    }

    static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    boolean passed() {
        return System.nanoTime() - atNanos >= 0;
    }

    /** Checks {@code done} until it holds (true) or the deadline passes (false). */
    boolean await(BooleanSupplier done) throws InterruptedException {
        while (true) {
            if (done.getAsBoolean()) {
                return true;
            }
            if (passed()) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
