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
 * @param topSourceStories distinct stories first published by the one source that first published the most
 *                    of them (a live blog), 0 when unknown
 * @param totalVolume articles of all terms in the same window so far, or {@code NaN} when unknown; lets
 *                    the daily rhythm cancel out
 * @param eventTime   event time of the article whose arrival produced this update (epoch ms)
 */
public record WindowObservation(String term, long windowStart, long windowEnd, int articles, int stories,
                                int sources, int topSourceStories, double totalVolume, long eventTime) {

    public WindowObservation {
        if (windowEnd <= windowStart) {
            throw new IllegalArgumentException("empty window");
        }
        if (stories < 0 || sources < 0 || articles < 0 || topSourceStories < 0 || topSourceStories > stories) {
            throw new IllegalArgumentException("negative count, or more stories from one source than in all");
        }
    }

    /** An update without origin data: no outlet is known to have written more than its share. */
    public WindowObservation(String term, long windowStart, long windowEnd, int articles, int stories, int sources,
                             double totalVolume, long eventTime) {
        this(term, windowStart, windowEnd, articles, stories, sources, 0, totalVolume, eventTime);
    }

    /** Adapts the enrich topology's record; {@code totalVolume} may be {@code Double.NaN}. */
    public static WindowObservation of(MentionCount count, double totalVolume) {
        long start = count.getWindowStart().toEpochMilli();
        long end = count.getWindowEnd().toEpochMilli();
        // Without the article's event time, the window's end is the honest upper bound of "now".
        long at = count.getLastEventAt() == null ? end : count.getLastEventAt().toEpochMilli();
        return new WindowObservation(count.getTerm(), start, end, count.getArticles(), count.getStories(),
                count.getSources(), Math.min(count.getTopSourceStories(), count.getStories()), totalVolume, at);
    }

    public boolean hasVolume() {
        return !Double.isNaN(totalVolume) && totalVolume > 0;
    }

    /**
     * Share of the window elapsed at {@code streamTime} (or at {@link #eventTime} if later), in [0, 1]. The
     * total volume is known up to stream time, so this is the share it covers: a late article updating an
     * old window brings that window's whole volume so far, not its volume up to the article.
     */
    public double elapsedFraction(long streamTime) {
        double f = (double) (Math.max(eventTime, streamTime) - windowStart) / (windowEnd - windowStart);
        return Math.max(0, Math.min(1, f));
    }
}
