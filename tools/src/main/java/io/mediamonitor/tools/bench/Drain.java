package io.mediamonitor.tools.bench;

/**
 * Whether a Streams application has processed and committed all its input, asked of the brokers at
 * most twice a second however often the benchmark polls.
 */
final class Drain {

    private static final long ASK_EVERY_NANOS = 200_000_000L;

    private final ApplicationLag lag;
    private long askedAt = System.nanoTime() - ASK_EVERY_NANOS;
    private long lastLag = -1;

    Drain(ApplicationLag lag) {
        this.lag = lag;
    }

    boolean drained() {
        long now = System.nanoTime();
        if (now - askedAt >= ASK_EVERY_NANOS) {
            askedAt = now;
            try {
                lastLag = lag.lag();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return lastLag == 0;
    }

    /** Records not yet committed at the last question, -1 before the first. */
    long lastLag() {
        return lastLag;
    }
}
