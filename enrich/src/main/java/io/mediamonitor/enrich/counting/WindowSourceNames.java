package io.mediamonitor.enrich.counting;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The names of a window's distinct sources, in chunks of a few: a new source rewrites its chunk only, so a
 * window read by hundreds of outlets costs the same per source as a window read by three.
 */
public final class WindowSourceNames {

    static final int CHUNK = 16;

    private WindowSourceNames() {
    }

    /** Records the {@code ordinal}-th distinct source (from 0) of {@code term}'s window starting at {@code start}. */
    static void add(WindowStore<String, List<String>> store, String term, long start, int ordinal, String name) {
        String key = MentionStores.key(term, Integer.toString(ordinal / CHUNK));
        List<String> chunk = ordinal % CHUNK == 0 ? null : store.fetch(key, start);
        chunk = chunk == null ? new ArrayList<>(CHUNK) : chunk;
        chunk.add(name);
        store.put(key, chunk, start);
    }

    /** The names of the first {@code sources} distinct sources of the window, in the order they appeared. */
    public static List<String> read(ReadOnlyWindowStore<String, List<String>> store, String term, long start,
                                    int sources) {
        List<String> names = new ArrayList<>(sources);
        for (int chunk = 0; chunk * CHUNK < sources; chunk++) {
            List<String> part = store.fetch(MentionStores.key(term, Integer.toString(chunk)), start);
            if (part != null) {
                names.addAll(part);
            }
        }
        return names;
    }
}
