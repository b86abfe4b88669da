package io.mediamonitor.enrich;

import io.mediamonitor.enrich.counting.WindowGrid;
import io.mediamonitor.kafka.StateStoreType;
import io.mediamonitor.schema.RecordLimits;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Duration;

/**
 * Tunables of the enrich topology. Windows are hopping, on event time (publishedAt).
 *
 * @param windowSize    length of a mention-count window (default 1 h)
 * @param windowAdvance how far consecutive windows are apart (default 10 min)
 * @param windowGrace   how long after its end a window is final: detectors learn it then (default 30 min); later
 *                      articles are still counted, up to the lateness
 * @param lateness      how long after its end a window still counts late articles (default: the story horizon),
 *                      so a feed's history read at start-up fills the windows it belongs to
 * @param storyHorizon  how long copies of a story, near-duplicates included, join it (default 48 h)
 * @param idHorizon     how long an article id is remembered to drop exact repeats (default 7 d; at least the
 *                      story horizon, a window and the lateness: no article, repeated or re-sent with new text, is
 *                      counted again, nor opens a story under the id of one whose copies still count; what it
 *                      leaves beyond that bounds {@link #maxWatermarkLag})
 * @param countPairs    whether to count actor×country pairs such as pair:wagner|ML
 * @param emitInterval  how often changed windows are emitted, each once (default 500 ms: a busy window is written
 *                      twice a second instead of once per commit, far cheaper per article, for up to half a second
 *                      of alert latency; 1 s wrote 0.3 to 0.6 fewer records per article and added half a second to
 *                      the alert p99; see tools/BENCHMARKS.md)
 * @param maxArticleBytes the largest raw article taken (serialized); larger ones go to the dead-letter topic
 *                      (default {@link RecordLimits#DEFAULT_MAX_ARTICLE_BYTES}, at most
 *                      {@link RecordLimits#MAX_ARTICLE_BYTES} so the enriched article still fits a request)
 * @param stateStore    where the stores live: RocksDB (default) or the heap ({@link StateStoreType})
 */
@RecordBuilder
public record EnrichSettings(Duration windowSize, Duration windowAdvance, Duration windowGrace, Duration lateness,
                             Duration storyHorizon, Duration idHorizon, boolean countPairs, Duration emitInterval,
                             int maxArticleBytes, StateStoreType stateStore)
        implements EnrichSettingsBuilder.With {

    public static final Duration DEFAULT_STORY_HORIZON = Duration.ofHours(48);
    public static final Duration DEFAULT_ID_HORIZON = Duration.ofDays(7);

    public static EnrichSettings defaults() {
        return new EnrichSettings(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(30),
                DEFAULT_STORY_HORIZON, DEFAULT_STORY_HORIZON, DEFAULT_ID_HORIZON, true, Duration.ofMillis(500),
                RecordLimits.DEFAULT_MAX_ARTICLE_BYTES, StateStoreType.ROCKSDB);
    }

    public EnrichSettings {
        WindowGrid.of(windowSize, windowAdvance); // refuses a size that is not a whole number of advances
        if (windowGrace.isNegative() || lateness.compareTo(windowGrace) < 0) {
            throw new IllegalArgumentException("the lateness must be at least the grace, got " + lateness
                    + " for a grace of " + windowGrace);
        }
        // an id forgotten while a window it counted in is open lets a repeat of the article be counted again; one
        // forgotten while copies of its story still count lets the article, re-sent with new text, open a story under
        // that id, which takes the old story's place: its later copies would each open a story of their own
        Duration leastIdHorizon = storyHorizon.plus(windowSize).plus(lateness);
        if (idHorizon.compareTo(leastIdHorizon) < 0) {
            throw new IllegalArgumentException("the repeat horizon must be at least the story horizon (" + storyHorizon
                    + "), a window (" + windowSize + ") and the lateness (" + lateness + "), " + leastIdHorizon
                    + " in all; got " + idHorizon + ": an article read again after its id is forgotten could be "
                    + "counted twice");
        }
        if (emitInterval.isNegative() || emitInterval.isZero()) {
            throw new IllegalArgumentException("the emit interval must be positive, got " + emitInterval);
        }
        if (maxArticleBytes < 1024 || maxArticleBytes > RecordLimits.MAX_ARTICLE_BYTES) {
            throw new IllegalArgumentException("the largest article must be between 1024 and "
                    + RecordLimits.MAX_ARTICLE_BYTES + " bytes, got " + maxArticleBytes);
        }
    }

    /**
     * How far behind the newest time seen windows may stay open while the raw partitions' articles reach them out of
     * step ({@link io.mediamonitor.enrich.counting.InputWatermark}): as far as the counting's stores keep stories
     * beyond the lateness (the story horizon, less a window for their segments), and no further than the repeat
     * filter remembers ids beyond the last window a copy of their story can count in.
     */
    public Duration maxWatermarkLag() {
        Duration stores = storyHorizon.minus(windowSize);
        Duration ids = idHorizon.minus(storyHorizon).minus(windowSize).minus(lateness);
        Duration lag = stores.compareTo(ids) < 0 ? stores : ids;
        return lag.isNegative() ? Duration.ZERO : lag;
    }

    /**
     * The repeat horizon to take when none is set: a week, or for longer stories long enough to leave the watermark
     * its full lag, the story horizon less a window beyond the last window a copy counts in (twice the story horizon
     * and the lateness), so that a longer story horizon needs no second setting.
     */
    public static Duration defaultIdHorizon(Duration storyHorizon, Duration lateness) {
        Duration fullLag = storyHorizon.multipliedBy(2).plus(lateness);
        return fullLag.compareTo(DEFAULT_ID_HORIZON) > 0 ? fullLag : DEFAULT_ID_HORIZON;
    }

    public WindowGrid grid() {
        return WindowGrid.of(windowSize, windowAdvance);
    }
}
