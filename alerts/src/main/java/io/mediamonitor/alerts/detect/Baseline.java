package io.mediamonitor.alerts.detect;

/**
 * The per-term baseline: a Gamma-Poisson model whose sufficient statistics are discounted with the
 * configured half-life, plus a method-of-moments estimate of the extra-Poisson dispersion.
 *
 * <p>Expected count of a window = V x (a0 + S/k) / (b0 u + N/k): V is the window's total article volume,
 * S and N the discounted scored counts and volumes of closed windows, u the usual volume of a window (so
 * the prior is worth b0 windows), and k the window overlap (each story sits in k overlapping windows, so
 * S/k is the evidence in distinct stories). Counting exposure in articles rather than in windows is what
 * makes the daily and weekly rhythm cancel out. Without volumes every window has V = 1.
 *
 * <p>The predictive distribution is negative binomial with dispersion phi + 1/max(a0 + S/k, s0): news
 * overdispersion plus the uncertainty of the rate itself, which keeps a term with little history from
 * alarming on noise.
 */
final class Baseline {

    private Baseline() {
    }

    /** The usual total volume of a window, the unit of the prior; 1 when volumes are unknown. */
    static double unit(WorkingState w) {
        return Double.isNaN(w.volumeMean) ? 1.0 : w.volumeMean;
    }

    /**
     * The volume to judge a window by: its own when known, else the usual one. While the term's history is
     * counted in windows (no volume learned yet: a term first seen long after it was first watched, its empty
     * windows folded without one), a window is one such window whatever its volume, or a rate per window would
     * be multiplied by a volume in articles. The history turns into articles when its first closed window with a
     * volume is learned.
     */
    static double volumeOrUsual(WorkingState w, double volume) {
        return Double.isNaN(w.volumeMean) || Double.isNaN(volume) || volume <= 0 ? unit(w) : volume;
    }

    /** History in distinct windows of usual volume (for the warm-up). */
    static double historyWindows(WorkingState w, DetectorConfig c) {
        return w.exposure / (c.overlap() * unit(w));
    }

    /** The term's own daily rhythm at the middle of a window starting at {@code windowStart}: a factor near 1. */
    static double rhythm(WorkingState w, long windowStart, DetectorConfig c) {
        return w.rhythm.factor(windowStart + c.windowSizeMs() / 2, c.rhythmPriorStories());
    }

    /**
     * Predictive distribution of a window's scored count at the given total volume (see volumeOrUsual) and
     * the term's rhythm at that window ({@link #rhythm}).
     */
    static NegativeBinomial predictive(WorkingState w, double volume, double rhythm, DetectorConfig c) {
        return predictive(w.stories, w.excessVariance, w.meanSquares, w, volume * rhythm, c);
    }

    /** The same for the window's distinct sources: the breadth of coverage. */
    static NegativeBinomial predictiveSources(WorkingState w, double volume, double rhythm, DetectorConfig c) {
        return predictive(w.sources, w.sourcesExcessVariance, w.sourcesMeanSquares, w, volume * rhythm, c);
    }

    private static NegativeBinomial predictive(double sum, double excess, double squares, WorkingState w,
                                               double exposure, DetectorConfig c) {
        double shape = c.priorStories() + sum / c.overlap();
        double mean = Math.max(c.minMean(), exposure * ratePerVolume(w, sum, c));
        double phi = (excess + c.priorDispersion() * c.dispersionPriorWeight())
                / (squares + c.dispersionPriorWeight());
        phi = Math.max(c.minDispersion(), Math.min(c.maxDispersion(), phi));
        return new NegativeBinomial(mean, phi + 1.0 / Math.max(c.minShape(), shape));
    }

    /** Posterior mean rate per article of total volume. */
    private static double ratePerVolume(WorkingState w, double sum, DetectorConfig c) {
        double k = c.overlap();
        return (c.priorStories() + sum / k) / (c.priorWindows() * unit(w) + w.exposure / k);
    }

    /**
     * Learns one closed window. {@code learned} is the count the baseline takes in (the caller clips it while
     * the term is elevated, so a burst does not become its normal); {@code expected} is the predictive the
     * window was judged against, at the term's {@code rhythm} then; {@code fullVolume} is NaN when unknown.
     */
    static void learn(WorkingState w, long windowStart, double learned, double learnedSources, double fullVolume,
                      double rhythm, NegativeBinomial expected, NegativeBinomial expectedSources,
                      boolean learnDispersion, DetectorConfig c) {
        double d = c.discount();
        if (!Double.isNaN(fullVolume) && fullVolume > 0) {
            if (Double.isNaN(w.volumeMean)) {
                w.exposure *= fullVolume; // history so far was counted in windows: convert it to articles
                w.volumeMean = fullVolume;
            } else {
                w.volumeMean = d * w.volumeMean + (1 - d) * fullVolume;
            }
        }
        if (learnDispersion) {
            // Clipped residuals: a burst in the history must not teach the term that bursts are normal. One
            // story of slack keeps the clipping off the ordinary single stories of rare terms, whose standard
            // deviation is a fraction of a story; clipping those biased the dispersion to its floor (the
            // slack reduces that bias, it does not remove it).
            double mu = expected.mean();
            double nu = expectedSources.mean();
            double r = clip(learned - mu, c.robustSigmas() * expected.sd() + 1);
            double rs = clip(learnedSources - nu, c.robustSigmas() * expectedSources.sd() + 1);
            w.excessVariance = d * w.excessVariance + r * r - mu;
            w.meanSquares = d * w.meanSquares + mu * mu;
            w.sourcesExcessVariance = d * w.sourcesExcessVariance + rs * rs - nu;
            w.sourcesMeanSquares = d * w.sourcesMeanSquares + nu * nu;
            // The rhythm learns from the same clipped residual, measured from the count expected without it.
            double usual = mu / rhythm;
            w.rhythm = w.rhythm.learn(windowStart + c.windowSizeMs() / 2, r + mu - usual, usual,
                    c.rhythmDiscount());
        }
        w.stories = d * w.stories + learned;
        w.sources = d * w.sources + learnedSources;
        w.exposure = d * w.exposure + volumeOrUsual(w, fullVolume);
    }

    static double clip(double value, double bound) {
        return Math.max(-bound, Math.min(bound, value));
    }

    /**
     * Learns {@code slots} empty windows of usual volume at once, for long silences of a rare term; exact
     * for the counts and exposure, and drops the dispersion terms of those windows (they carry almost no
     * information at the tiny means of a silent term).
     */
    static void learnEmpty(WorkingState w, long slots, DetectorConfig c) {
        double decay = Math.pow(c.discount(), slots);
        w.stories *= decay;
        w.excessVariance *= decay;
        w.meanSquares *= decay;
        w.sources *= decay;
        w.sourcesExcessVariance *= decay;
        w.sourcesMeanSquares *= decay;
        w.rhythm = w.rhythm.decayed(Math.pow(c.rhythmDiscount(), slots));
        w.exposure = decay * w.exposure + unit(w) * (1 - decay) / (1 - c.discount());
        w.cusum = 0;
    }
}
