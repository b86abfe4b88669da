package io.mediamonitor.enrich.counting;

import io.mediamonitor.kafka.StateStoreType;
import io.mediamonitor.kafka.state.WriteBehind;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The counting's state stores: what each holds, under which key, and for how long. Window stores drop whole
 * segments once their time has passed, so nothing is scanned to forget old state. What changes many times
 * between two commits is kept decoded and written once per commit ({@link WriteBehind}): the window counts and the
 * sources' records, which every mention reads and rewrites, the window names, which every emission reads and
 * extends, and the pending windows. The stories' presence, written once per copy, is neither kept nor cached:
 * there is nothing to coalesce.
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
     * How many values of each kept store a counting task keeps decoded between commits: every term's recent windows
     * (their counts, their names' chunks), the sources of the busiest terms, the pending windows (a few MB of heap
     * each, estimated, not measured).
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
                WriteBehind.window(window(WINDOWS, history, CountingSerdes.windowTally()), TASK_VALUES),
                WriteBehind.window(window(SOURCE_NAMES, history, CountingSerdes.names()), TASK_VALUES),
                WriteBehind.keyValue(keyValue(SOURCES, CountingSerdes.sourceWindows()), TASK_VALUES),
                window(STORIES, open.plus(storySpan), CountingSerdes.storyPresence()),
                WriteBehind.keyValue(keyValue(PENDING, CountingSerdes.numbers()), TASK_VALUES));
    }

    public String[] names() {
        return new String[] {WINDOWS, SOURCE_NAMES, SOURCES, STORIES, PENDING};
    }

    private <V> StoreBuilder<WindowStore<String, V>> window(String name, Duration retention, Serde<V> values) {
        return Stores.windowStoreBuilder(type.window(name, retention, Duration.ofMillis(grid.sizeMs())),
                Serdes.String(), values);
    }

    private <V> StoreBuilder<KeyValueStore<String, V>> keyValue(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(type.keyValue(name), Serdes.String(), values);
    }
}
