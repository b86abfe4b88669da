package io.mediamonitor.alerts.notify;

import java.time.Duration;

/**
 * How often and how patiently a channel retries one alert before dead-lettering it: exponential
 * backoff {@code base · 2^(n−1)} after the n-th failed attempt, capped at {@code max}. No jitter:
 * each channel is a single sender, so there is no herd of clients to spread out.
 *
 * @param attempts total attempts, first one included (at least 1)
 * @param base     pause after the first failure
 * @param max      longest pause
 */
public record RetryPolicy(int attempts, Duration base, Duration max) {

    /** 5 attempts, 0.5 s, 1 s, 2 s, 4 s between them (max 30 s). */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("retry attempts must be at least 1, got " + attempts);
        }
        if (base == null || base.isNegative() || max == null || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("retry backoff needs 0 <= base <= max, got base " + base + ", max " + max);
        }
    }

    /** The pause after failed attempt number {@code failedAttempt} (1-based). */
    public Duration backoffAfter(int failedAttempt) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + failedAttempt);
        }
        // beyond 2^30 the cap has long been reached; avoids overflow in the shift
        int exponent = Math.min(failedAttempt - 1, 30);
        long millis = base.toMillis();
        long grown = millis > (Long.MAX_VALUE >> exponent) ? Long.MAX_VALUE : millis << exponent;
        return grown >= max.toMillis() ? max : Duration.ofMillis(grown);
    }

    /**
     * The longest one alert's delivery can take when each attempt takes up to {@code attempt}: every attempt, and
     * every pause at its longest (a receiver's Retry-After can lengthen a pause up to {@link #max}).
     */
    public Duration longestDelivery(Duration attempt) {
        return attempt.multipliedBy(attempts).plus(max.multipliedBy(attempts - 1L));
    }

    /** Sum of all pauses when every attempt fails: the least time one dead-lettered alert takes. */
    public Duration totalBackoff() {
        Duration total = Duration.ZERO;
        for (int n = 1; n < attempts; n++) {
            total = total.plus(backoffAfter(n));
        }
        return total;
    }
}
