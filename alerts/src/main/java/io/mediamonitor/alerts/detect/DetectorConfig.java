package io.mediamonitor.alerts.detect;

import java.time.Duration;

/**
 * Tunables of {@link SpikeDetector}. {@link #defaults()} is what the product ships; every value is
 * explained where it is used. Durations are kept as milliseconds because the detector runs per record.
 *
 * @param windowSizeMs       hopping window size of the mention counts (1 h)
 * @param advanceMs          window advance (10 min); the baseline learns once per advance
 * @param graceMs            grace of the windows (30 min); a window is folded into the baseline only after it
 * @param minStories         guard: fewest distinct stories in the window for any alert
 * @param minSources         guard: fewest distinct sources in the window for any alert
 * @param storiesPerSource   scored count = min(stories, storiesPerSource x sources)
 * @param halfLifeMs         half-life of the baseline's memory
 * @param priorStories       Gamma prior shape (stories), in distinct hourly windows
 * @param priorWindows       Gamma prior rate (windows): prior mean = priorStories / priorWindows per window
 * @param minShape           floor of the posterior shape in the rate-uncertainty term (caps it at 1/minShape)
 * @param minMean            floor on the expected count of a window
 * @param priorDispersion    prior extra-Poisson dispersion phi (variance = mu + phi mu^2)
 * @param dispersionPriorWeight weight of that prior, in units of squared expected counts
 * @param minDispersion      lower clamp of phi (news is never exactly Poisson)
 * @param maxDispersion      upper clamp of phi
 * @param spikeScore         shock test fires at -log10 p at or above this (on the scored stories)
 * @param breadthScore       and only if the distinct sources are this surprising too (-log10 p)
 * @param cusumThreshold     sustained-rise CUSUM fires at this log-likelihood ratio (natural log)
 * @param cusumShift         the rise the CUSUM is tuned to detect (2 = a doubling)
 * @param clipSigmas         while elevated, the baseline learns min(count, mean + clipSigmas sd)
 * @param resolveSigmas      a closed window within mean + resolveSigmas sd counts as back to normal
 * @param resolveQuietWindows consecutive normal closed windows that resolve an alert
 * @param cooldownMs         a new trigger this soon after a resolution reopens the same alert
 * @param warmupWindows      hourly windows of history a term needs before it may alert (cold start)
 * @param minElapsed         a window is judged once this share of it has elapsed: younger windows are
 *                           noisier than the full hours the dispersion is learned on, and three windows
 *                           older than half an hour always contain the newest article anyway
 */
public record DetectorConfig(
        long windowSizeMs,
        long advanceMs,
        long graceMs,
        int minStories,
        int minSources,
        int storiesPerSource,
        long halfLifeMs,
        double priorStories,
        double priorWindows,
        double minShape,
        double minMean,
        double priorDispersion,
        double dispersionPriorWeight,
        double minDispersion,
        double maxDispersion,
        double spikeScore,
        double breadthScore,
        double cusumThreshold,
        double cusumShift,
        double clipSigmas,
        double resolveSigmas,
        int resolveQuietWindows,
        long cooldownMs,
        double warmupWindows,
        double minElapsed) {

    public DetectorConfig {
        if (windowSizeMs <= 0 || advanceMs <= 0 || windowSizeMs % advanceMs != 0) {
            throw new IllegalArgumentException("window size must be a positive multiple of the advance");
        }
        if (graceMs < 0 || halfLifeMs <= 0 || storiesPerSource < 1 || minStories < 1 || minSources < 1) {
            throw new IllegalArgumentException("invalid detector configuration");
        }
        if (priorStories <= 0 || priorWindows <= 0 || cusumShift <= 1 || resolveQuietWindows < 1
                || minElapsed < 0 || minElapsed > 1) {
            throw new IllegalArgumentException("invalid detector prior or thresholds");
        }
    }

    /** The configuration before the breadth test existed: breadth 2 and minElapsed 0.5, the defaults. */
    public DetectorConfig(long windowSizeMs, long advanceMs, long graceMs, int minStories, int minSources,
                          int storiesPerSource, long halfLifeMs, double priorStories, double priorWindows,
                          double minShape, double minMean, double priorDispersion, double dispersionPriorWeight,
                          double minDispersion, double maxDispersion, double spikeScore, double cusumThreshold,
                          double cusumShift, double clipSigmas, double resolveSigmas, int resolveQuietWindows,
                          long cooldownMs, double warmupWindows) {
        this(windowSizeMs, advanceMs, graceMs, minStories, minSources, storiesPerSource, halfLifeMs, priorStories,
                priorWindows, minShape, minMean, priorDispersion, dispersionPriorWeight, minDispersion, maxDispersion,
                spikeScore, 2.0, cusumThreshold, cusumShift, clipSigmas, resolveSigmas, resolveQuietWindows,
                cooldownMs, warmupWindows, 0.5);
    }

    public static DetectorConfig defaults() {
        return new DetectorConfig(
                Duration.ofHours(1).toMillis(), Duration.ofMinutes(10).toMillis(), Duration.ofMinutes(30).toMillis(),
                3, 3, 2,
                Duration.ofDays(3).toMillis(),
                0.05, 2.0, 0.25, 0.02,
                0.3, 25.0, 0.02, 5.0,
                5.0, 2.0, 7.0, 2.0,
                2.0, 1.0, 2,
                Duration.ofHours(6).toMillis(), 24, 0.5);
    }

    public DetectorConfig withSpikeScore(double score) {
        return new DetectorConfig(windowSizeMs, advanceMs, graceMs, minStories, minSources, storiesPerSource,
                halfLifeMs, priorStories, priorWindows, minShape, minMean, priorDispersion, dispersionPriorWeight,
                minDispersion, maxDispersion, score, breadthScore, cusumThreshold, cusumShift, clipSigmas, resolveSigmas,
                resolveQuietWindows, cooldownMs, warmupWindows, minElapsed);
    }

    public DetectorConfig withCusumThreshold(double threshold) {
        return new DetectorConfig(windowSizeMs, advanceMs, graceMs, minStories, minSources, storiesPerSource,
                halfLifeMs, priorStories, priorWindows, minShape, minMean, priorDispersion, dispersionPriorWeight,
                minDispersion, maxDispersion, spikeScore, breadthScore, threshold, cusumShift, clipSigmas, resolveSigmas,
                resolveQuietWindows, cooldownMs, warmupWindows, minElapsed);
    }

    /** The same with other guards (a watchlist entry's own minimums). */
    public DetectorConfig withGuards(int stories, int sources) {
        return new DetectorConfig(windowSizeMs, advanceMs, graceMs, stories, sources, storiesPerSource,
                halfLifeMs, priorStories, priorWindows, minShape, minMean, priorDispersion, dispersionPriorWeight,
                minDispersion, maxDispersion, spikeScore, breadthScore, cusumThreshold, cusumShift, clipSigmas,
                resolveSigmas, resolveQuietWindows, cooldownMs, warmupWindows, minElapsed);
    }

    public DetectorConfig withStoriesPerSource(int cap) {
        return new DetectorConfig(windowSizeMs, advanceMs, graceMs, minStories, minSources, cap,
                halfLifeMs, priorStories, priorWindows, minShape, minMean, priorDispersion, dispersionPriorWeight,
                minDispersion, maxDispersion, spikeScore, breadthScore, cusumThreshold, cusumShift, clipSigmas, resolveSigmas,
                resolveQuietWindows, cooldownMs, warmupWindows, minElapsed);
    }

    public DetectorConfig withBreadthScore(double breadth) {
        return new DetectorConfig(windowSizeMs, advanceMs, graceMs, minStories, minSources, storiesPerSource,
                halfLifeMs, priorStories, priorWindows, minShape, minMean, priorDispersion, dispersionPriorWeight,
                minDispersion, maxDispersion, spikeScore, breadth, cusumThreshold, cusumShift, clipSigmas,
                resolveSigmas, resolveQuietWindows, cooldownMs, warmupWindows, minElapsed);
    }

    public DetectorConfig withMinShape(double shape) {
        return new DetectorConfig(windowSizeMs, advanceMs, graceMs, minStories, minSources, storiesPerSource,
                halfLifeMs, priorStories, priorWindows, shape, minMean, priorDispersion, dispersionPriorWeight,
                minDispersion, maxDispersion, spikeScore, breadthScore, cusumThreshold, cusumShift, clipSigmas, resolveSigmas,
                resolveQuietWindows, cooldownMs, warmupWindows, minElapsed);
    }

    public DetectorConfig withWindows(Duration size, Duration advance, Duration grace) {
        return new DetectorConfig(size.toMillis(), advance.toMillis(), grace.toMillis(), minStories, minSources,
                storiesPerSource, halfLifeMs, priorStories, priorWindows, minShape, minMean, priorDispersion,
                dispersionPriorWeight, minDispersion, maxDispersion, spikeScore, breadthScore, cusumThreshold, cusumShift,
                clipSigmas, resolveSigmas, resolveQuietWindows, cooldownMs, warmupWindows, minElapsed);
    }

    /** Windows that overlap any instant: an article is counted in this many windows. */
    public int overlap() {
        return (int) (windowSizeMs / advanceMs);
    }

    /** Open window slots a term must remember until they close: window, grace, and the newest slot. */
    public int ringSlots() {
        return (int) ((windowSizeMs + graceMs + advanceMs - 1) / advanceMs) + 1;
    }

    /** Per-slot discount factor of the baseline's memory. */
    public double discount() {
        return Math.pow(0.5, (double) advanceMs / halfLifeMs);
    }

    /** The count the detector scores: distinct stories, no more than {@code storiesPerSource} per source. */
    public int scoredCount(int stories, int sources) {
        return Math.max(0, Math.min(stories, storiesPerSource * sources));
    }
}
