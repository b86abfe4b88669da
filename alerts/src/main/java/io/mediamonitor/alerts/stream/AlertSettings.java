package io.mediamonitor.alerts.stream;

import io.mediamonitor.alerts.detect.DetectorConfig;
import io.mediamonitor.alerts.detect.SilenceConfig;
import java.util.Set;

/**
 * Tunables of the alerts topology.
 *
 * @param detector        the spike detector's configuration (windows must match enrich's)
 * @param watchedByDefault term types that alert without a watchlist entry (e.g. actor, keyword,
 *                        country); a watchlist entry can still disable a term or watch another type
 * @param articlesPerAlert how many explaining articles an alert carries
 * @param silence         when a quiet source raises an operator alert
 */
public record AlertSettings(DetectorConfig detector, Set<String> watchedByDefault, int articlesPerAlert,
                            SilenceConfig silence) {

    public static AlertSettings defaults() {
        return new AlertSettings(DetectorConfig.defaults(), Set.of("actor", "keyword", "country"), 5,
                SilenceConfig.defaults());
    }

    public AlertSettings withDetector(DetectorConfig config) {
        return new AlertSettings(config, watchedByDefault, articlesPerAlert, silence);
    }
}
