package io.mediamonitor.alerts.stream;

import io.mediamonitor.alerts.detect.DetectorConfig;
import io.mediamonitor.alerts.detect.SilenceConfig;
import io.mediamonitor.kafka.StateStoreType;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Duration;
import java.util.Set;

/**
 * Tunables of the alerts topology.
 *
 * @param detector        the spike detector's configuration (windows must match enrich's)
 * @param watchedByDefault term types that alert without a watchlist entry (e.g. actor, keyword,
 *                        country); a watchlist entry can still disable a term or watch another type
 * @param articlesPerAlert how many explaining articles an alert carries
 * @param silence         when a quiet source raises an operator alert
 * @param lateness        how long after its end a window still takes late articles (enrich's lateness): the
 *                        articles that explain an alert are kept that long
 * @param watermarkLag    how far behind the newest publication time enrich's watermark, which the lateness is judged
 *                        by, may stay (its {@code maxWatermarkLag}): by the newest time this job has seen, a window's
 *                        count may change until its end plus the lateness plus this lag
 * @param stateStore      where the stores live: RocksDB (default) or the heap ({@link StateStoreType})
 * @param silenceClock    which clock judges silent sources: the wall clock (default, a live job) or stream time
 *                        (a replay in publication order, as the backtest runs)
 */
@RecordBuilder
public record AlertSettings(DetectorConfig detector, Set<String> watchedByDefault, int articlesPerAlert,
                            SilenceConfig silence, Duration lateness, Duration watermarkLag, StateStoreType stateStore,
                            SilenceClock silenceClock)
        implements AlertSettingsBuilder.With {

    public static AlertSettings defaults() {
        return new AlertSettings(DetectorConfig.defaults(), Set.of("actor", "keyword", "country"), 5,
                SilenceConfig.defaults(), Duration.ofHours(48), Duration.ofHours(47), StateStoreType.ROCKSDB,
                SilenceClock.WALL_CLOCK);
    }
}
