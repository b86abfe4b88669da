package io.mediamonitor.alerts.stream;

import io.mediamonitor.alerts.detect.DetectorConfig;
import io.mediamonitor.model.WatchlistEntry;
import io.mediamonitor.schema.Terms;
import java.util.Set;

/**
 * Which terms raise alerts, and with which thresholds: a watchlist entry decides for its term
 * (enabled or not, its own minimums); other terms alert when their type is watched by default.
 */
public final class WatchPolicy {

    private final Set<String> watchedByDefault;

    public WatchPolicy(Set<String> watchedByDefault) {
        this.watchedByDefault = Set.copyOf(watchedByDefault);
    }

    public boolean watches(String term, WatchlistEntry entry) {
        if (Terms.TOTAL.equals(term)) {
            return false;
        }
        if (entry != null) {
            return entry.getEnabled();
        }
        return watchedByDefault.contains(Terms.type(term));
    }

    /** The detector configuration for a term: the defaults with the entry's thresholds, if any. */
    public static DetectorConfig detectorFor(WatchlistEntry entry, DetectorConfig base) {
        if (entry == null || (entry.getMinStories() == null && entry.getMinSources() == null && entry.getMinScore() == null)) {
            return base;
        }
        return base.with(config -> {
            if (entry.getMinStories() != null) {
                config.minStories(entry.getMinStories());
            }
            if (entry.getMinSources() != null) {
                config.minSources(entry.getMinSources());
            }
            if (entry.getMinScore() != null) {
                config.spikeScore(entry.getMinScore());
            }
        });
    }

    /** A readable name for a term when no article has named it yet. */
    public static String defaultLabel(String term) {
        return Terms.value(term);
    }
}
