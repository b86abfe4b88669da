package io.mediamonitor.alerts.detect;

import io.mediamonitor.model.MentionCount;

/**
 * One update of a term's count in one hopping window, as the enrich topology emits it, plus the total
 * article volume of the same window when the topology knows it.
 *
 * @param term        typed term, e.g. {@code actor:aes}
 * @param windowStart window start, epoch ms (inclusive)
 * @param windowEnd   window end, epoch ms (exclusive)
 * @param articles    articles mentioning the term, copies included (reported, never scored)
 * @param stories     distinct stories after story dedup
 * @param sources     distinct sources
 * @param totalVolume articles of all terms in the same window so far, or {@code NaN} when unknown; lets
 *                    the daily rhythm cancel out
 * @param eventTime   event time of the article whose arrival produced this update (epoch ms)
 */
public record WindowObservation(String term, long windowStart, long windowEnd, int articles, int stories,
                                int sources, double totalVolume, long eventTime) {

    public WindowObservation {
        if (windowEnd <= windowStart) {
            throw new IllegalArgumentException("empty window");
        }
        if (stories < 0 || sources < 0 || articles < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    /** Adapts the enrich topology's record; {@code totalVolume} may be {@code Double.NaN}. */
    public static WindowObservation of(MentionCount count, double totalVolume) {
        long start = count.getWindowStart().toEpochMilli();
        long end = count.getWindowEnd().toEpochMilli();
        // Without the article's event time, the window's end is the honest upper bound of "now".
        long at = count.getLastEventAt() == null ? end : count.getLastEventAt().toEpochMilli();
        return new WindowObservation(count.getTerm(), start, end, count.getArticles(), count.getStories(),
                count.getSources(), totalVolume, at);
    }

    public boolean hasVolume() {
        return !Double.isNaN(totalVolume) && totalVolume > 0;
    }

    /** Share of the window already elapsed at {@link #eventTime}, in [0, 1]. */
    public double elapsedFraction() {
        double f = (double) (eventTime - windowStart) / (windowEnd - windowStart);
        return Math.max(0, Math.min(1, f));
    }
}
