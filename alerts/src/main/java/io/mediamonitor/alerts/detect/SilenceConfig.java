package io.mediamonitor.alerts.detect;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Duration;

/**
 * Tunables of {@link SilenceDetector}.
 *
 * @param falseAlarmsPerSourceDay the silence alerts a healthy source may raise a day: the tail probability a gap
 *                                must reach is this budget over its publications a day
 * @param minSilenceMs            never silent sooner than this, however busy the source
 * @param hourHalfLifeDays        the hour-of-day profile forgets with this half-life (each hour is seen once a day)
 * @param dayHalfLifeWeeks        the day-of-week profile forgets with this half-life (each weekday once a week)
 * @param minEvents               publications seen before the source is judged
 * @param minTimesEveryHourSeen   and every hour of the day seen this many times (two days)
 * @param eventSpacingMs          articles closer than this to the previous publication are the same publication
 *                                (feeds publish in batches, which are no evidence of a faster rhythm)
 * @param maxLearnedGapMs         a quiet spell longer than this is not learned as the normal rhythm
 * @param horizonMs               a source expected to publish less than once in this long is never judged
 */
@RecordBuilder
public record SilenceConfig(double falseAlarmsPerSourceDay, long minSilenceMs, double hourHalfLifeDays,
                            double dayHalfLifeWeeks, int minEvents, int minTimesEveryHourSeen, long eventSpacingMs,
                            long maxLearnedGapMs, long horizonMs) implements SilenceConfigBuilder.With {

    public SilenceConfig {
        if (falseAlarmsPerSourceDay <= 0 || falseAlarmsPerSourceDay >= 1 || minSilenceMs <= 0 || hourHalfLifeDays <= 0
                || dayHalfLifeWeeks <= 0 || minEvents < 2 || minTimesEveryHourSeen < 1 || eventSpacingMs < 0
                || maxLearnedGapMs <= 0 || horizonMs <= 0) {
            throw new IllegalArgumentException("invalid silence configuration");
        }
    }

    public static SilenceConfig defaults() {
        return new SilenceConfig(0.002, Duration.ofMinutes(30).toMillis(), 7, 3, 10, 2,
                Duration.ofSeconds(10).toMillis(), Duration.ofDays(3).toMillis(), Duration.ofDays(14).toMillis());
    }

    /** EWMA weight of one hour-of-day observation. */
    double hourAlpha() {
        return 1 - Math.pow(0.5, 1 / hourHalfLifeDays);
    }

    /** EWMA weight of one day-of-week observation. */
    double dayAlpha() {
        return 1 - Math.pow(0.5, 1 / dayHalfLifeWeeks);
    }
}
