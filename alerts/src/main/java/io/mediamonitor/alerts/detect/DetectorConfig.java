package io.mediamonitor.alerts.detect;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Duration;

/**
 * Tunables of {@link SpikeDetector}. {@link #defaults()} is what the product ships; every value is
 * explained where it is used. Durations are kept as milliseconds because the detector runs per record.
 * Change one with {@code defaults().withSpikeScore(6)}, a few with {@code defaults().with(b -> b.spikeScore(6)
 * .cusumThreshold(9))} (the builder and withers are generated).
 *
 * @param windowSizeMs       hopping window size of the mention counts (1 h)
 * @param advanceMs          window advance (10 min); the baseline learns once per advance
 * @param graceMs            grace of the windows (30 min); a window is folded into the baseline only after it
 * @param minStories         guard: fewest distinct stories in the window for any alert
 * @param minSources         guard: fewest distinct sources in the window for any alert
 * @param storiesPerSource   the source with the most stories of its own counts for at most this many, and
 *                           all sources for this many each on average (see {@link #scoredCount})
 * @param halfLifeMs         half-life of the baseline's memory
 * @param priorStories       Gamma prior shape (stories), in distinct hourly windows
 * @param priorWindows       Gamma prior rate (windows): prior mean = priorStories / priorWindows per window
 * @param minShape           floor of the posterior shape in the rate-uncertainty term (caps it at 1/minShape)
 * @param minMean            floor on the expected count of a window
 * @param priorDispersion    prior extra-Poisson dispersion phi (variance = mu + phi mu^2)
 * @param dispersionPriorWeight weight of that prior, in units of squared expected counts
 * @param minDispersion      lower clamp of phi (news is never exactly Poisson)
 * @param maxDispersion      upper clamp of phi
 * @param robustSigmas       a residual enters the dispersion clipped to this many standard deviations plus
 *                           one story, and the autocorrelation clipped to this many, so the bursts in a
 *                           term's history do not teach it that bursts are normal (the reweighting of
 *                           Noufaily et al. 2013, in streaming form)
 * @param spikeScore         shock test fires at -log10 p at or above this (on the scored stories)
 * @param breadthScore       and only if the distinct sources are this surprising too (-log10 p)
 * @param cusumThreshold     sustained-rise CUSUM fires at this log-likelihood ratio (natural log)
 * @param cusumShift         the rise the CUSUM is tuned to detect (2 = a doubling)
 * @param cusumHorizon       windows (hours, at the default size) over which the CUSUM typically decides on
 *                           such a rise; its variance is inflated for the autocorrelation of sums over them
 * @param clipSigmas         while elevated, the baseline learns min(count, mean + clipSigmas sd)
 * @param resolveSigmas      a closed window within mean + resolveSigmas sd counts as back to normal
 * @param resolveQuietWindows consecutive normal closed windows that resolve an alert
 * @param cooldownMs         a new trigger this soon after a resolution reopens the same alert
 * @param warmupWindows      hourly windows of history a term needs before it may alert (cold start)
 * @param minElapsed         a window is judged once this share of it has elapsed: younger windows are
 *                           noisier than the full hours the dispersion is learned on, and three windows
 *                           older than half an hour always contain the newest article anyway
 * @param minVolumeCoverage  a window's whole-stream volume is extrapolated from the part seen once this share of the
 *                           window is covered; less says too little about the hour's rhythm
 * @param forgetAfterHalfLives after this many half-lives of silence the remaining empty windows weigh less than 2^-14 and
 *                           are learned in one step, not one by one
 * @param elevatedShare      a window scoring this share of {@code spikeScore} is elevated: the baseline learns it clipped,
 *                           and it keeps an open alert open
 * @param lagLearningShare   the autocorrelation of hourly residuals is learned only while the CUSUM is below this share of
 *                           its threshold: a rise building up is itself a positive correlation
 * @param maxResidualLag     cap on that learned lag-1 autocorrelation, so the CUSUM's variance inflation stays bounded
 * @param recoveryShare      a sustained rise is over once the sequential evidence for normal reaches this share of the CUSUM
 *                           threshold
 * @param updateGrowthShare  an open alert is updated (a new revision, sent again) when its count passes its peak by this
 *                           share of the peak: a burst that keeps growing is news, one more story on a big one is not
 * @param updateMinGrowth    and by at least this many stories, so a small alert is not re-sent for every story
 * @param midRangeShare      the shock test's threshold is this share of {@code spikeScore} for windows expected to
 *                           hold about {@code midRangeMean} scored stories (see {@link #spikeScoreAt})
 * @param midRangeMean       the expected count where that share applies in full
 * @param midRangeDecades    it fades linearly back to the whole threshold this many decades of expected count away
 * @param busyScoreShare     the shock test's threshold for windows expected to hold many stories (from
 *                           {@code midRangeDecades} above {@code midRangeMean}) is this share of {@code spikeScore}
 * @param rhythmHalfLifeMs   half-life of what the term's own daily rhythm learned ({@link DailyRhythm}): longer than the
 *                           baseline's, since a rhythm changes more slowly than a level and needs many days to be seen
 * @param rhythmPriorStories that rhythm is shrunk towards the stream's by a prior worth this many expected stories
 *                           (summed over the overlapping windows) on each of its two axes
 */
@RecordBuilder
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
        double robustSigmas,
        double spikeScore,
        double breadthScore,
        double cusumThreshold,
        double cusumShift,
        int cusumHorizon,
        double clipSigmas,
        double resolveSigmas,
        int resolveQuietWindows,
        long cooldownMs,
        double warmupWindows,
        double minElapsed,
        double minVolumeCoverage,
        double forgetAfterHalfLives,
        double elevatedShare,
        double lagLearningShare,
        double maxResidualLag,
        double recoveryShare,
        double updateGrowthShare,
        int updateMinGrowth,
        double midRangeShare,
        double midRangeMean,
        double midRangeDecades,
        double busyScoreShare,
        long rhythmHalfLifeMs,
        double rhythmPriorStories) implements DetectorConfigBuilder.With {

    public DetectorConfig {
        if (!(minVolumeCoverage > 0 && minVolumeCoverage <= 1) || !(forgetAfterHalfLives >= 1)
                || !(elevatedShare > 0 && elevatedShare <= 1) || !(lagLearningShare > 0 && lagLearningShare <= 1)
                || !(maxResidualLag >= 0 && maxResidualLag < 1) || !(recoveryShare > 0 && recoveryShare <= 1)
                || !(updateGrowthShare >= 0) || updateMinGrowth < 1) {
            throw new IllegalArgumentException("invalid detector configuration: shares must lie in (0, 1]");
        }
        if (windowSizeMs <= 0 || advanceMs <= 0 || windowSizeMs % advanceMs != 0) {
            throw new IllegalArgumentException("window size must be a positive multiple of the advance");
        }
        if (graceMs < 0 || halfLifeMs <= 0 || storiesPerSource < 1 || minStories < 1 || minSources < 1) {
            throw new IllegalArgumentException("invalid detector configuration");
        }
        // Written as !(x > 0) so that NaN, which a configuration value can parse to, is refused too.
        if (!(priorStories > 0) || !(priorWindows > 0) || !(robustSigmas > 0) || !(cusumShift > 1)
                || cusumHorizon < 1 || resolveQuietWindows < 1 || !(minElapsed >= 0 && minElapsed <= 1)
                || !(spikeScore > 0) || !(cusumThreshold > 0) || !(breadthScore >= 0) || !(clipSigmas > 0)
                || !(resolveSigmas >= 0) || !(minShape > 0) || !(minMean > 0) || !(minDispersion >= 0)
                || !(maxDispersion >= minDispersion) || !(dispersionPriorWeight > 0) || !(priorDispersion >= 0)
                || cooldownMs < 0 || !(warmupWindows >= 0) || !(midRangeShare > 0 && midRangeShare <= 1)
                || !(midRangeMean > 0) || !(midRangeDecades > 0)
                || !(busyScoreShare >= midRangeShare && busyScoreShare <= 1) || rhythmHalfLifeMs <= 0
                || !(rhythmPriorStories > 0)) {
            throw new IllegalArgumentException("invalid detector prior or thresholds");
        }
    }

    /** What the product ships. */
    public static DetectorConfig defaults() {
        return DetectorConfigBuilder.builder()
                .windowSizeMs(Duration.ofHours(1).toMillis())
                .advanceMs(Duration.ofMinutes(10).toMillis())
                .graceMs(Duration.ofMinutes(30).toMillis())
                .minStories(3)
                .minSources(3)
                .storiesPerSource(2)
                .halfLifeMs(Duration.ofDays(3).toMillis())
                .priorStories(0.05)
                .priorWindows(2.0)
                .minShape(0.25)
                .minMean(0.02)
                .priorDispersion(0.3)
                .dispersionPriorWeight(25.0)
                .minDispersion(0.02)
                .maxDispersion(5.0)
                .robustSigmas(2.5)
                .spikeScore(5.0)
                .breadthScore(2.0)
                .cusumThreshold(6.5)
                .cusumShift(2.0)
                .cusumHorizon(4)
                .clipSigmas(2.0)
                .resolveSigmas(1.0)
                .resolveQuietWindows(2)
                .cooldownMs(Duration.ofHours(6).toMillis())
                .warmupWindows(24)
                .minElapsed(0.5)
                .minVolumeCoverage(0.25)
                .forgetAfterHalfLives(14)
                .elevatedShare(0.5)
                .lagLearningShare(1.0 / 3)
                .maxResidualLag(0.8)
                .recoveryShare(0.5)
                .updateGrowthShare(0.5)
                .updateMinGrowth(3)
                .midRangeShare(0.7)
                .midRangeMean(1.2)
                .midRangeDecades(0.5)
                .busyScoreShare(0.92)
                .rhythmHalfLifeMs(Duration.ofDays(14).toMillis())
                .rhythmPriorStories(1000)
                .build();
    }

    /** The same on other windows (enrich's size, advance and grace). */
    public DetectorConfig withWindows(Duration size, Duration advance, Duration grace) {
        return with(b -> b.windowSizeMs(size.toMillis()).advanceMs(advance.toMillis()).graceMs(grace.toMillis()));
    }

    /** The count at which an open alert whose highest count so far is {@code peak} is updated. */
    public int updateAt(int peak) {
        return peak + Math.max(updateMinGrowth, (int) (peak * updateGrowthShare));
    }

    /** Windows that overlap any instant: an article is counted in this many windows. */
    public int overlap() {
        return (int) (windowSizeMs / advanceMs);
    }

    /** Open window slots a term must remember until they close: window, grace, and the newest slot. */
    public int ringSlots() {
        return (int) ((windowSizeMs + graceMs + advanceMs - 1) / advanceMs) + 1;
    }

    /** Per-slot discount factor of the term's daily rhythm. */
    public double rhythmDiscount() {
        return perSlot(rhythmHalfLifeMs);
    }

    /** Per-slot discount factor of the baseline's memory. */
    public double discount() {
        return perSlot(halfLifeMs);
    }

    /** What one window advance keeps of a memory with this half-life. */
    private double perSlot(long halfLifeMs) {
        return Math.pow(0.5, (double) advanceMs / halfLifeMs);
    }

    /**
     * The shock test's threshold for a window expected to hold {@code mean} scored stories: {@link #spikeScore}
     * times {@link #midRangeShare} at {@link #midRangeMean}, linearly in log10 of the mean back to the whole of it
     * {@link #midRangeDecades} below, and to {@link #busyScoreShare} of it as far above. The evaluation's oracles
     * show why: between rare terms (whose windows rarely pass the guards) and busy ones the tail is well
     * calibrated, and a tripling in the hour of a term at 2 stories an hour is a score of 2 to 4, so a threshold
     * of 5 found 7 % of the spikes that the oracle, at 4, found 24 % of.
     */
    public double spikeScoreAt(double mean) {
        double decades = Math.log10(Math.max(mean, 1e-12) / midRangeMean);
        double far = decades > 0 ? busyScoreShare : 1;
        return spikeScore * (far - (far - midRangeShare) * Math.max(0, 1 - Math.abs(decades) / midRangeDecades));
    }

    /** {@link #scoredCount(int, int, int)} without origin data: {@code storiesPerSource} per source on average. */
    public int scoredCount(int stories, int sources) {
        return scoredCount(stories, sources, 0);
    }

    /**
     * The count the detector scores, knowing the most stories one source published alone in the window
     * (nobody else carried them): that source counts for at most {@code storiesPerSource} of them, so one
     * outlet writing a live blog is one outlet, not a burst. {@code storiesPerSource x sources} still bounds
     * the whole, so one story carried by many outlets counts once and many copies of few stories stay few.
     */
    public int scoredCount(int stories, int sources, int topSourceStories) {
        int capped = stories - Math.max(0, topSourceStories - storiesPerSource);
        return Math.max(0, Math.min(capped, storiesPerSource * sources));
    }
}
