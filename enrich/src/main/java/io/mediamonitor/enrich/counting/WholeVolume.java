package io.mediamonitor.enrich.counting;

import io.mediamonitor.kafka.StateStoreType;
import io.mediamonitor.kafka.state.WriteBehind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The whole volume's distinct stories in each window still taking articles, counted where every article passes
 * once and the windows it brings a new story to are known: story dedup. Each article's mentions carry the
 * volumes of its windows as of that article, so every count carries its window's volume at the point of the input
 * of its own latest mention, wherever it is counted, without the whole volume travelling to every counting task.
 * Kept in memory ({@link VolumeRing}) and written through, a window at a time, to a store of numbers.
 */
public final class WholeVolume {

    public static final String STORE = "story-window-volume";
    /** More windows than take articles at once (the lateness's, 48 h of 10-minute slots by default). */
    private static final int OPEN_WINDOWS = 1_000;

    private final KeyValueStore<Long, Integer> store;
    private final WindowGrid grid;
    private final long latenessMs;
    private final VolumeRing ring = new VolumeRing();

    public static StoreBuilder<KeyValueStore<Long, Integer>> store(StateStoreType type) {
        // the newest windows change with every new story: kept decoded, and reach the changelog once per commit
        return WriteBehind.keyValue(Stores.keyValueStoreBuilder(type.keyValue(STORE), Serdes.Long(),
                Serdes.Integer()), OPEN_WINDOWS);
    }

    /** Reads the store back: only this task writes it. */
    public WholeVolume(KeyValueStore<Long, Integer> store, WindowGrid grid, Duration lateness) {
        this.store = store;
        this.grid = grid;
        this.latenessMs = lateness.toMillis();
        try (KeyValueIterator<Long, Integer> windows = store.all()) {
            windows.forEachRemaining(window -> ring.set(window.key, window.value));
        }
    }

    /** Whether no window is kept: a new job, or one upgraded from before this store (see {@link #seed}). */
    public boolean isEmpty() {
        return ring.stories.length == 0;
    }

    /**
     * Counts one kept story with articles in {@code slots}: rebuilds the volumes of a job whose stories were kept
     * before this store was. Exact for every window whose stories are all still kept, which is every window
     * taking articles but those ending within one window size of their oldest stories' horizon.
     */
    public void seed(List<Long> slots) {
        long counted = Long.MIN_VALUE; // slots are kept in the order the story reached them, not sorted
        List<Long> sorted = new ArrayList<>(slots);
        sorted.sort(null);
        for (long slot : sorted) {
            for (long window = Math.max(grid.oldestWindowWith(slot), counted + 1); window <= slot; window++) {
                ring.countStory(window);
                store.put(window, ring.stories(window));
                counted = window;
            }
        }
    }

    /**
     * An article in {@code slot}, new to the windows given by {@code newStoryWindows} (bit 0 the oldest window
     * containing it): forgets the windows closed at {@code streamTime}, counts the article in those still open and
     * returns the volumes of its windows, oldest first.
     */
    public List<Integer> count(long slot, int newStoryWindows, long streamTime) {
        long oldestOpen = grid.oldestOpenWindow(streamTime, latenessMs);
        for (long closed = ring.first; closed < oldestOpen && closed < ring.end(); closed++) {
            store.delete(closed);
        }
        ring.forgetBefore(oldestOpen);
        long oldest = grid.oldestWindowWith(slot);
        List<Integer> volumes = new ArrayList<>(grid.slotsPerWindow());
        for (long window = oldest; window <= slot; window++) {
            if (window >= oldestOpen && (newStoryWindows & (1 << (int) (window - oldest))) != 0) {
                ring.countStory(window);
                store.put(window, ring.stories(window));
            }
            volumes.add(ring.stories(window)); // 0 for a closed window, where no count takes the article
        }
        return volumes;
    }
}
