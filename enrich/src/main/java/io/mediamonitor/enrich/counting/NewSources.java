package io.mediamonitor.enrich.counting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sources each pending window gained since it was last emitted, written to the window's names when it is
 * emitted: a source new to a window costs a list append, not a store write (the names' store is the one a busy
 * window rewrites most). Memory only, so it is rebuilt from the sources' records for the windows still pending
 * when a task starts ({@link MentionCounter}): the names lag the counts by one emit interval at most, and are
 * never lost.
 */
final class NewSources {

    /** The names a window already holds, and the sources to add after them in the order they appeared. */
    record Added(int stored, List<String> names) {
    }

    private final Map<String, Map<Long, Added>> byTerm = new HashMap<>();

    /** Records {@code source} as new to {@code term}'s window, which held {@code stored} names when it was emitted. */
    void add(String term, long window, int stored, String source) {
        byTerm.computeIfAbsent(term, t -> new HashMap<>())
                .computeIfAbsent(window, w -> new Added(stored, new ArrayList<>(4)))
                .names().add(source);
    }

    /** What the window gained since it was last emitted, and forgets it; null when nothing. */
    Added take(String term, long window) {
        Map<Long, Added> windows = byTerm.get(term);
        if (windows == null) {
            return null;
        }
        Added added = windows.remove(window);
        if (windows.isEmpty()) {
            byTerm.remove(term);
        }
        return added;
    }
}
