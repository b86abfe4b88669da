package io.mediamonitor.alerts.detect;

/**
 * What the baseline took in from one closed window: kept while late articles can still change the window
 * (up to enrich's lateness), so that when they do, the baseline takes the difference in. A feed's history
 * read at start-up reaches its windows after they closed; this is how it still fills the baseline.
 *
 * @param windowStart the window's start, epoch ms
 * @param count       the scored count learned
 * @param sources     the distinct sources learned
 * @param volume      the window's total volume learned, NaN when it was unknown
 * @param elevated    the term was elevated then: the baseline learned a clipped count, and a burst's late
 *                    articles must not teach it either
 * @param exposurePerVolume how much the baseline's exposure grew per unit of that volume: 1, or more for the
 *                    first window with a known volume, which also converted the history before it to volumes
 * @param meanPerVolume how much the usual volume moved per unit of that volume: the EWMA's weight, or 1 for the
 *                    first window with a known volume, which set it
 */
public record LearnedWindow(long windowStart, int count, int sources, double volume, boolean elevated,
                            double exposurePerVolume, double meanPerVolume) {

    /** The same window having learned more. */
    LearnedWindow grown(int count, int sources, double volume) {
        return new LearnedWindow(windowStart, count, sources, volume, elevated, exposurePerVolume, meanPerVolume);
    }
}
