package io.mediamonitor.enrich.counting;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The names of a window's distinct sources, in chunks of a few: new sources rewrite their chunks only, so a
 * window read by hundreds of outlets costs the same per source as a window read by three.
 */
public final class WindowSourceNames {

    static final int CHUNK = 16;

    private WindowSourceNames() {
    }

    /**
     * Appends {@code names} to {@code term}'s window starting at {@code start}, which holds {@code stored} names:
     * only the chunks they fall in are rewritten.
     */
    static void append(WindowStore<String, List<String>> store, String term, long start, int stored,
                       List<String> names) {
        int ordinal = stored;
        int next = 0;
        while (next < names.size()) {
            String key = MentionStores.key(term, Integer.toString(ordinal / CHUNK));
            List<String> chunk = ordinal % CHUNK == 0 ? null : store.fetch(key, start);
            chunk = chunk == null ? new ArrayList<>(CHUNK) : chunk;
            do {
                chunk.add(names.get(next++));
                ordinal++;
            } while (next < names.size() && ordinal % CHUNK != 0);
            store.put(key, chunk, start);
        }
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
