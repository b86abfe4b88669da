package io.mediamonitor.alerts.detect;

import java.time.Duration;

/**
 * Tunables of {@link SilenceDetector}.
 *
 * @param gapMultiple     a source is silent after this many typical gaps without an article
 * @param minSilenceMs    and never before this long (nights and weekends are not outages)
 * @param halfLifeGaps    the typical gap is an EWMA over about this many recent gaps (half-life)
 * @param minArticles     articles seen before a source's rhythm is trusted
 * @param maxGapMs        gaps are clamped to this before learning (one odd week does not rewrite the rhythm)
 * @param lullMultiple    and never before this many times its longest recent normal gap (night, weekend)
 * @param lullDecayPerDay the longest gap remembered decays by this factor per day (0.9: about two weeks,
 *                        so the weekend's long nights are still remembered on Friday)
 */
public record SilenceConfig(double gapMultiple, long minSilenceMs, double halfLifeGaps, int minArticles,
                            long maxGapMs, double lullMultiple, double lullDecayPerDay) {

    public SilenceConfig {
        if (gapMultiple <= 1 || minSilenceMs <= 0 || halfLifeGaps <= 0 || minArticles < 2 || maxGapMs <= 0
                || lullMultiple < 1 || lullDecayPerDay <= 0 || lullDecayPerDay > 1) {
            throw new IllegalArgumentException("invalid silence configuration");
        }
    }

    public static SilenceConfig defaults() {
        return new SilenceConfig(6, Duration.ofHours(6).toMillis(), 20, 10, Duration.ofDays(7).toMillis(), 2.5, 0.9);
    }
}
