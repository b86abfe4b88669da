package io.mediamonitor.alerts.detect;

/**
 * What {@link SilenceDetector} remembers of one source: its last article and its typical gap.
 *
 * @param lastSeenAt    publication time of its latest article (epoch ms), {@link Long#MIN_VALUE} if none
 * @param meanGapMs     EWMA of the gaps between its articles
 * @param longGapMs     longest recent gap (a slowly decaying maximum): its usual night or weekend lull
 * @param articles      articles seen (capped), to know when the rhythm is trusted
 * @param silentSince   start of the current outage (= lastSeenAt when the alert was raised), or
 *                      {@link Long#MIN_VALUE} when no silence alert is open
 */
public record SourceRhythm(long lastSeenAt, double meanGapMs, double longGapMs, int articles, long silentSince) {

    public static SourceRhythm initial() {
        return new SourceRhythm(Long.MIN_VALUE, Double.NaN, 0, 0, Long.MIN_VALUE);
    }

    public boolean silent() {
        return silentSince != Long.MIN_VALUE;
    }
}
