package io.mediamonitor.enrich.counting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The windows whose count changed since they were last emitted, per term. Kept in memory for the emitter and
 * in a store too, written when a window first changes: Streams may commit between a change and its emission
 * (a commit is not tied to the emitter's schedule), and after a crash or a rebalance the task that takes
 * over must still emit what was counted.
 */
final class PendingWindows {

    private final KeyValueStore<String, List<Long>> store;
    private final Map<String, TreeSet<Long>> byTerm = new LinkedHashMap<>();

    PendingWindows(KeyValueStore<String, List<Long>> store) {
        this.store = store;
        try (KeyValueIterator<String, List<Long>> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, List<Long>> entry = all.next();
                byTerm.computeIfAbsent(entry.key, t -> new TreeSet<>()).addAll(entry.value);
            }
        }
    }

    /** The windows {@code first} to {@code last} of a term changed: one write for all those not pending yet. */
    void mark(String term, long first, long last) {
        TreeSet<Long> windows = byTerm.computeIfAbsent(term, t -> new TreeSet<>());
        boolean added = false;
        for (long window = first; window <= last; window++) {
            added |= windows.add(window);
        }
        if (added) {
            store.put(term, new ArrayList<>(windows));
        }
    }

    /** Every pending window, by term, without draining them. */
    void forEach(BiConsumer<String, Set<Long>> action) {
        byTerm.forEach((term, windows) -> action.accept(term, Collections.unmodifiableSet(windows)));
    }

    boolean isEmpty() {
        return byTerm.isEmpty();
    }

    /** Every pending window, by term (in the order terms first changed), oldest first; then none. */
    Map<String, TreeSet<Long>> drain() {
        Map<String, TreeSet<Long>> drained = new LinkedHashMap<>(byTerm);
        byTerm.clear();
        drained.keySet().forEach(store::delete);
        return drained;
    }
}
