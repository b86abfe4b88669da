package io.mediamonitor.kafka.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The decoded values a store's task used last, and which of them it changed since the last commit: what a
 * {@link WriteBehindKeyValueStore} or {@link WriteBehindWindowStore} keeps in front of its store. At most
 * {@code capacity} entries, the least recently used leaving first (written to the store first if changed).
 *
 * <p>Not thread-safe: only the thread that writes (the task's stream thread) uses it; reads on any other thread
 * go to the store.
 *
 * @param <K> the key (for a window store, the key and the window's start)
 * @param <V> the value; null is a deletion, and a key known to be absent
 */
final class WriteBehindEntries<K, V> {

    private static final class Entry<K, V> {
        final K key;
        V value;
        boolean changed;

        Entry(K key, V value) {
            this.key = key;
            this.value = value;
        }
    }

    private final int capacity;
    private final BiConsumer<K, V> store;
    private final Map<K, Entry<K, V>> entries;
    /** Changed entries in the order they first changed; an entry written meanwhile is no longer changed. */
    private final List<Entry<K, V>> changed = new ArrayList<>();
    /** The thread that last wrote: the task's. */
    private volatile Thread writer;

    /** @param store writes one value (null: deletes the key) to the store behind */
    WriteBehindEntries(int capacity, BiConsumer<K, V> store) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.store = store;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<K, V>> eldest) {
                if (size() <= WriteBehindEntries.this.capacity) {
                    return false;
                }
                write(eldest.getValue());
                return true;
            }
        };
    }

    /**
     * The value of {@code key}: the one kept, else the store's ({@code load}), kept from now on. Another thread
     * than the task's (an interactive query) reads the store as of the last commit.
     */
    V get(K key, Function<K, V> load) {
        if (Thread.currentThread() != writer) {
            return load.apply(key); // before the task's first write too: nothing changed is kept yet
        }
        Entry<K, V> entry = entries.get(key);
        if (entry == null) {
            entry = new Entry<>(key, load.apply(key));
            entries.put(key, entry);
        }
        return entry.value;
    }

    /** Sets {@code key} to {@code value} (null: deleted), written to the store at the next {@link #flush()}. */
    void put(K key, V value) {
        if (writer != Thread.currentThread()) {
            writer = Thread.currentThread();
        }
        Entry<K, V> entry = entries.get(key);
        if (entry == null) {
            entry = new Entry<>(key, value);
            entries.put(key, entry);
        } else {
            entry.value = value;
        }
        if (!entry.changed) {
            entry.changed = true;
            changed.add(entry);
        }
    }

    /** Writes every change to the store, in the order the keys first changed. */
    void flush() {
        for (Entry<K, V> entry : changed) {
            write(entry);
        }
        changed.clear();
    }

    /**
     * Before a range read: the task's own ranges see its changes, written first; another thread's (a query)
     * reads the store as of the last commit and leaves the entries alone.
     */
    void flushForRead() {
        if (Thread.currentThread() == writer) {
            flush();
        }
    }

    /** Forgets every value, changed or not (the store is being restored or closed). */
    void clear() {
        entries.clear();
        changed.clear();
    }

    int size() {
        return entries.size();
    }

    private void write(Entry<K, V> entry) {
        if (entry.changed) {
            entry.changed = false;
            store.accept(entry.key, entry.value);
        }
    }
}
