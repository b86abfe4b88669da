package io.mediamonitor.ingest.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.function.DoubleSupplier;

/**
 * Decides when a feed is polled next. After a success the interval follows the feed's publishing
 * rhythm: the mean gap between the entries of the last week, measured over the time the document
 * covers. A feed's document holds only its latest entries (10 to 50 for most news feeds), which a
 * busy feed publishes in an hour or two; dividing a week by them, as Miniflux does with the entries
 * it stored over the week, would let most of them scroll away between polls. The interval is never
 * shorter than the server's hints (RSS ttl, Cache-Control max-age), never longer than the feed's own
 * configured interval, and always within the configured bounds. After a failure it backs off
 * exponentially with jitter, and never retries before the server's Retry-After. Pure, with the
 * randomness injected for tests.
 */
public final class PollPlanner {

    private static final Duration WEEK = Duration.ofDays(7);
    /** ±10 % on every interval, so feeds added together do not stay in lock-step. */
    private static final double JITTER = 0.10;

    private final Duration min;
    private final Duration max;
    private final DoubleSupplier random;

    public PollPlanner(Duration min, Duration max, DoubleSupplier random) {
        this.min = min;
        this.max = max;
        this.random = random;
    }

    /**
     * The interval after a successful poll.
     *
     * @param base           the feed's preferred interval, else the configured default
     * @param publishedTimes publication times of the dated entries in the document; empty after a 304
     * @param previous       the interval used before, kept when the document says nothing new
     * @param serverHint     the longest of ttl and max-age, or null
     * @param feedLimit      the interval configured for this feed, or null: polls are never further apart, unless
     *                       the server's hint asks for it
     */
    public Duration afterSuccess(Duration base, Collection<Instant> publishedTimes, Instant now, Duration previous,
                                 Duration serverHint, Duration feedLimit) {
        Duration interval = previous != null ? previous : base;
        if (!publishedTimes.isEmpty()) {
            interval = meanGap(publishedTimes, now);
        }
        if (feedLimit != null && feedLimit.compareTo(interval) < 0) {
            interval = feedLimit;
        }
        if (serverHint != null && serverHint.compareTo(interval) > 0) {
            interval = serverHint;
        }
        return clamp(interval);
    }

    /**
     * The mean gap between the entries of the last week, over the time from the oldest of them (or the week, if the
     * document reaches further back) to now; the maximum when none is that recent.
     */
    static Duration meanGap(Collection<Instant> publishedTimes, Instant now) {
        Instant weekAgo = now.minus(WEEK);
        Instant oldest = null;
        long recent = 0;
        boolean reachesBack = false;
        for (Instant t : publishedTimes) {
            if (t.isAfter(now)) {
                continue;
            }
            if (t.isBefore(weekAgo)) {
                reachesBack = true;
                continue;
            }
            recent++;
            oldest = oldest == null || t.isBefore(oldest) ? t : oldest;
        }
        if (recent == 0) {
            return WEEK;
        }
        // from the oldest entry on, n entries leave n - 1 gaps; over the whole week, each entry stands for one
        Duration covered = reachesBack ? WEEK : Duration.between(oldest, now);
        long gaps = reachesBack ? recent : Math.max(1, recent - 1);
        return covered.dividedBy(gaps);
    }

    /** The delay after the {@code failures}-th failure in a row, honouring Retry-After. */
    public Duration afterFailure(Duration base, int failures, Duration retryAfter) {
        int doublings = Math.max(0, Math.min(failures - 1, 20));
        Duration backoff = base.multipliedBy(1L << doublings);
        if (backoff.compareTo(max) > 0) {
            backoff = max;
        }
        backoff = jitter(backoff);
        if (retryAfter != null && retryAfter.compareTo(backoff) > 0) {
            // the server asked: its wish wins, even past the configured maximum
            return retryAfter;
        }
        return backoff;
    }

    /** The interval with jitter applied, for the actual scheduling. */
    public Duration jitter(Duration interval) {
        double factor = 1 + JITTER * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(1, (long) (interval.toMillis() * factor)));
    }

    public Duration clamp(Duration interval) {
        if (interval.compareTo(min) < 0) {
            return min;
        }
        return interval.compareTo(max) > 0 ? max : interval;
    }
}
