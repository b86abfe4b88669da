package io.mediamonitor.ingest.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.TreeSet;
import java.util.function.DoubleSupplier;

/**
 * Decides when a feed is polled next. After a success the interval follows the feed's publishing
 * rhythm: the mean gap between the document's entries of the last week, over the span of their
 * distinct publication times. A feed's document holds only its latest entries (10 to 50 for most
 * news feeds), which a busy feed publishes in an hour or two; dividing a week by them, as Miniflux
 * does with the entries it stored over the week, would let most of them scroll away between polls.
 * A feed quiet for longer than its rhythm is polled less often, at an eighth of its silence (since a
 * poll last brought a new article, on our clock: an entry's date may be offset or coarse), so a dead
 * feed drifts to the maximum while a newsroom back from the night is read again within the hour.
 * Fewer than two distinct times tell no rhythm: the interval is then the preferred one, or the
 * silence's share if longer. The interval is never shorter than the server's hints (RSS ttl,
 * Cache-Control max-age), never longer than the feed's own configured interval, and always within
 * the configured bounds. After a failure it backs off exponentially with jitter, and never retries
 * before the server's Retry-After. Pure, with the randomness injected for tests.
 */
public final class PollPlanner {

    private static final Duration WEEK = Duration.ofDays(7);
    /** A quiet feed is polled at this fraction of its silence: 1/8, an hour after 8 quiet hours. */
    private static final int QUIET_SHARE = 8;
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
     * The interval after a successful poll, or after a 304 with the times of the last document that came.
     *
     * @param base           the feed's preferred interval, else the configured default
     * @param publishedTimes publication times of the dated entries of the last document; empty when none is known
     * @param quietSince     when a poll last brought a new article, on our clock; null when unknown, and the newest
     *                       entry's date stands in
     * @param previous       the interval used before, kept when no entry's time is known
     * @param serverHint     the longest of ttl and max-age, or null
     * @param feedLimit      the interval configured for this feed, or null: polls are never further apart, unless
     *                       the server's hint asks for it
     */
    public Duration afterSuccess(Duration base, Collection<Instant> publishedTimes, Instant quietSince, Instant now,
                                 Duration previous, Duration serverHint, Duration feedLimit) {
        Duration interval = publishedTimes.isEmpty() ? (previous != null ? previous : base)
                : rhythm(publishedTimes, quietSince, now, base);
        if (feedLimit != null && feedLimit.compareTo(interval) < 0) {
            interval = feedLimit;
        }
        if (serverHint != null && serverHint.compareTo(interval) > 0) {
            interval = serverHint;
        }
        return clamp(interval);
    }

    /**
     * The entries' mean gap over the span of their distinct times of the last week (the preferred interval when
     * fewer than two times differ, as when a feed stamps every entry alike), or an eighth of the silence since
     * {@code quietSince} (else the newest entry), whichever is longer; a week when no entry is that recent.
     */
    static Duration rhythm(Collection<Instant> publishedTimes, Instant quietSince, Instant now, Duration preferred) {
        Instant weekAgo = now.minus(WEEK);
        TreeSet<Instant> distinct = new TreeSet<>();
        int recent = 0;
        for (Instant t : publishedTimes) {
            // ahead of the clock, or pinned for more than a week: neither tells how often the feed publishes
            if (!t.isAfter(now) && !t.isBefore(weekAgo)) {
                distinct.add(t);
                recent++;
            }
        }
        if (distinct.isEmpty()) {
            return WEEK;
        }
        // entries, not distinct times, make the gaps: a feed dating its entries by the day still publishes many
        Duration gap = distinct.size() < 2 ? preferred
                : Duration.between(distinct.first(), distinct.last()).dividedBy(recent - 1);
        Instant since = quietSince != null ? quietSince : distinct.last();
        Duration quiet = Duration.between(since, now).dividedBy(QUIET_SHARE);
        return gap.compareTo(quiet) >= 0 ? gap : quiet;
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
