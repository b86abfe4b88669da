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

    /**
     * The detector configuration for a term: the defaults with the entry's thresholds, if any. A threshold no
     * detector takes ({@link #invalidThreshold}; {@code watch} and the config refuse them, a record written by other
     * means may still carry one) is left at the default, rather than failing every count of the term.
     */
    public static DetectorConfig detectorFor(WatchlistEntry entry, DetectorConfig base) {
        if (entry == null) {
            return base;
        }
        Integer minStories = valid(entry.getMinStories());
        Integer minSources = valid(entry.getMinSources());
        Double minScore = validScore(entry.getMinScore());
        if (minStories == null && minSources == null && minScore == null) {
            return base;
        }
        return base.with(config -> {
            if (minStories != null) {
                config.minStories(minStories);
            }
            if (minSources != null) {
                config.minSources(minSources);
            }
            if (minScore != null) {
                config.spikeScore(minScore);
            }
        });
    }

    /** A threshold of a watchlist entry no detector takes: which one ("stories", "sources" or "score") and why. */
    public record InvalidThreshold(String threshold, String problem) {
    }

    /**
     * What is wrong with an entry's thresholds, or null: at least one story and one source, and a score above 0
     * (a surprise of -log10 p), as the detector requires.
     */
    public static InvalidThreshold invalidThreshold(WatchlistEntry entry) {
        if (entry.getMinStories() != null && valid(entry.getMinStories()) == null) {
            return new InvalidThreshold("stories", "must be at least 1, not " + entry.getMinStories());
        }
        if (entry.getMinSources() != null && valid(entry.getMinSources()) == null) {
            return new InvalidThreshold("sources", "must be at least 1, not " + entry.getMinSources());
        }
        if (entry.getMinScore() != null && validScore(entry.getMinScore()) == null) {
            return new InvalidThreshold("score", "must be a number above 0 (a surprise of -log10 p), not "
                    + entry.getMinScore());
        }
        return null;
    }

    private static Integer valid(Integer minimum) {
        return minimum != null && minimum >= 1 ? minimum : null;
    }

    private static Double validScore(Double score) {
        return score != null && score > 0 && Double.isFinite(score) ? score : null;
    }

    /** A readable name for a term when no article has named it yet. */
    public static String defaultLabel(String term) {
        return Terms.value(term);
    }
}
