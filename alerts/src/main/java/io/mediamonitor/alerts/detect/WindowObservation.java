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
 * @param topSourceStories stories published in the window by one source alone, the most of any source (a
 *                    live blog shows here), 0 when unknown
 * @param totalVolume stories of all terms in the same window so far, or {@code NaN} when unknown; lets
 *                    the daily rhythm cancel out (only its shape matters, so stories or articles both do)
 * @param volumeAsOf  event time up to which {@code totalVolume} has counted (epoch ms), or
 *                    {@link Long#MIN_VALUE} when unknown
 * @param eventTime   event time of the article whose arrival produced this update (epoch ms)
 */
public record WindowObservation(String term, long windowStart, long windowEnd, int articles, int stories,
                                int sources, int topSourceStories, double totalVolume, long volumeAsOf,
                                long eventTime) {

    public WindowObservation {
        if (windowEnd <= windowStart) {
            throw new IllegalArgumentException("empty window");
        }
        if (stories < 0 || sources < 0 || articles < 0 || topSourceStories < 0 || topSourceStories > stories) {
            throw new IllegalArgumentException("negative count, or more stories from one source than in all");
        }
    }

    /** An update without origin data, whose volume counts up to its own article. */
    public WindowObservation(String term, long windowStart, long windowEnd, int articles, int stories, int sources,
                             double totalVolume, long eventTime) {
        this(term, windowStart, windowEnd, articles, stories, sources, 0, totalVolume, Long.MIN_VALUE, eventTime);
    }

    /**
     * Adapts the enrich topology's records: a term's count, which carries its window's volume as of its latest
     * article; for records from before that, the total of the same window ({@code null} when not
     * known yet) with the latest event time it has counted ({@link Long#MIN_VALUE} when unknown). Counts a bad
     * record could carry out of range are clamped, never thrown on.
     */
    public static WindowObservation of(MentionCount count, MentionCount total, long totalAsOf) {
        long start = count.getWindowStart().toEpochMilli();
        long end = count.getWindowEnd().toEpochMilli();
        // Without the article's event time, the window's end is the honest upper bound of "now".
        long at = count.getLastEventAt() == null ? end : count.getLastEventAt().toEpochMilli();
        int stories = Math.max(0, count.getStories());
        boolean carried = count.getWindowStories() > 0;
        double volume = carried ? count.getWindowStories() : total == null ? Double.NaN : total.getStories();
        // a carried volume stands where the count stands: no "as of" of its own to scale from
        long volumeAsOf = carried || total == null ? Long.MIN_VALUE : totalAsOf;
        return new WindowObservation(count.getTerm(), start, Math.max(end, start + 1), Math.max(0, count.getArticles()),
                stories, Math.max(0, count.getSources()), Math.max(0, Math.min(count.getTopSourceStories(), stories)),
                volume, volumeAsOf, at);
    }

    public boolean hasVolume() {
        return !Double.isNaN(totalVolume) && totalVolume > 0;
    }

    /**
     * Share of the window elapsed, in [0, 1]: up to the latest of the term's stream time, this article and the
     * volume's own "as of". A window is judged once enough of it has elapsed.
     */
    public double elapsedFraction(long streamTime) {
        return fraction(Math.max(Math.max(eventTime, streamTime), volumeAsOf));
    }

    /**
     * Share of the window that {@link #totalVolume} covers: up to the volume's own "as of" when known (a late
     * article updating an old window brings that window's whole volume so far, not its volume up to the
     * article), else up to the term's stream time.
     */
    public double volumeCoverage(long streamTime) {
        return fraction(volumeAsOf != Long.MIN_VALUE ? volumeAsOf : Math.max(eventTime, streamTime));
    }

    /**
     * The window's volume as of the count: the volume arrives on its own topic and may have been read before
     * the count's latest articles were counted into it, and a count judged against a volume that lags it looks
     * like a burst. A lagging volume is scaled up to the share of the window the count covers (the rhythm is
     * smooth within a window); NaN when unknown or when it covers too little of the window to scale from.
     */
    public double volumeAtCount(long streamTime) {
        if (!hasVolume()) {
            return Double.NaN;
        }
        double volumeShare = volumeCoverage(streamTime);
        double countShare = fraction(Math.max(eventTime, streamTime));
        if (volumeShare >= countShare) {
            return totalVolume; // as recent as the count or more: a higher expectation, never a false burst
        }
        return volumeShare < 0.25 ? Double.NaN : totalVolume * countShare / volumeShare;
    }

    private double fraction(long asOf) {
        double f = (double) (asOf - windowStart) / (windowEnd - windowStart);
        return Math.max(0, Math.min(1, f));
    }
}
