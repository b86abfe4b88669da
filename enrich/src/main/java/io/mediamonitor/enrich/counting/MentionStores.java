package io.mediamonitor.enrich.counting;

import io.mediamonitor.kafka.StateStoreType;
import io.mediamonitor.kafka.state.WriteBehind;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The counting's state stores: what each holds, under which key, and for how long. Window stores drop whole
 * segments once their time has passed, so nothing is scanned to forget old state. What changes many times
 * between two commits is written once: the window counts and the sources' records, which every mention reads and
 * rewrites, are kept decoded ({@link WriteBehind}); window names and pending windows go through Streams' record
 * cache. Those written once per article or story are not cached: once full, the cache makes every put evict from
 * its own store, and evicting a change not yet written flushes all of that store's; write-once entries would fill
 * it.
 *
 * @param grid       the windows counted
 * @param lateness   how long after its end a window still takes late articles
 * @param storySpan  how far after its first article a story still takes copies (the story horizon)
 * @param queryable  how long finished windows stay queryable, beyond the lateness
 * @param type       on disk (RocksDB) or on the heap
 */
public record MentionStores(WindowGrid grid, Duration lateness, Duration storySpan, Duration queryable,
                            StateStoreType type) {

    /** (term, window) → the count: queryable by the dashboard. */
    public static final String WINDOWS = "mention-windows";
    /**
     * (term + chunk, window) → the window's distinct sources ({@link WindowSourceNames}), those new since the last
     * emission added when the window is emitted ({@link NewSources}).
     */
    public static final String SOURCE_NAMES = "mention-window-sources";
    /** term + source → the windows the source mentioned the term in, with its stories alone ({@link SourceWindows}). */
    static final String SOURCES = "mention-source-windows";
    /**
     * (term + story, the story's start) → where and from whom the story was seen ({@link StoryPresence}): only for
     * stories story dedup did not follow the terms of (started before it did); it empties as they expire.
     */
    public static final String STORIES = "mention-stories";
    /** term → windows counted but not yet emitted ({@link PendingWindows}). */
    static final String PENDING = "mention-pending";

    /**
     * How many window counts, and how many source records, a counting task keeps decoded between commits: every
     * term's recent windows and the sources of the busiest terms (a few MB of heap each, estimated, not measured).
     */
    static final int TASK_VALUES = 10_000;

    /** Joins a term and a story or source id into one store key; neither ever contains a NUL character. */
    static String key(String term, String part) {
        return term + '\u0000' + part;
    }

    /** The first and the last possible key of a term's parts, for range reads. */
    static String firstKey(String term) {
        return term + '\u0000';
    }

    static String lastKey(String term) {
        return term + '\u0001';
    }

    public List<StoreBuilder<?>> builders() {
        Duration size = Duration.ofMillis(grid.sizeMs());
        Duration open = size.plus(lateness);
        Duration history = open.plus(queryable);
        return List.of(
                // rewritten by every mention of a term: decoded values, written once per commit
                WriteBehind.window(Stores.windowStoreBuilder(type.window(WINDOWS, history, size), Serdes.String(),
                        CountingSerdes.windowTally()), TASK_VALUES),
                window(SOURCE_NAMES, history, Serdes.String(), CountingSerdes.names()),
                WriteBehind.keyValue(Stores.keyValueStoreBuilder(type.keyValue(SOURCES), Serdes.String(),
                        CountingSerdes.sourceWindows()), TASK_VALUES),
                window(STORIES, open.plus(storySpan), Serdes.String(), CountingSerdes.storyPresence())
                        .withCachingDisabled(), // written once per copy: nothing to coalesce
                Stores.keyValueStoreBuilder(type.keyValue(PENDING), Serdes.String(),
                        CountingSerdes.numbers()).withCachingEnabled());
    }

    public String[] names() {
        return new String[] {WINDOWS, SOURCE_NAMES, SOURCES, STORIES, PENDING};
    }

    private <V> StoreBuilder<WindowStore<String, V>> window(String name, Duration retention, Serde<String> keys,
                                                             Serde<V> values) {
        // cached: a busy window gains sources at every emission, and reaches disk and changelog once per commit
        return Stores.windowStoreBuilder(
                type.window(name, retention, Duration.ofMillis(grid.sizeMs())), keys, values)
                .withCachingEnabled();
    }
}
