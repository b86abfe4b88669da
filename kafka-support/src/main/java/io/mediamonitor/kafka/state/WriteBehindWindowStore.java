package io.mediamonitor.kafka.state;

import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A window store (one value per key and window) whose task reads and writes decoded values, written to the store
 * once per commit: as {@link WriteBehindKeyValueStore}, which says why and how exactly-once holds. The reads by
 * {@code Instant} are {@link WindowStore}'s own defaults, which call the reads by milliseconds here.
 */
public final class WriteBehindWindowStore<K, V>
        extends WriteBehindStore<WindowStore<K, V>, WriteBehindWindowStore.InWindow<K>, V>
        implements WindowStore<K, V>, CachedStateStore<Windowed<K>, V> {

    /** A key in one window. */
    record InWindow<K>(K key, long start) {
    }

    WriteBehindWindowStore(WindowStore<K, V> store, int capacity) {
        // a null value deletes a window's value, as the store's own put does
        super(store, new WriteBehindEntries<>(capacity, (window, value) -> store.put(window.key(), value,
                window.start())));
    }

    @Override
    public V fetch(K key, long windowStart) {
        return entries.get(new InWindow<>(key, windowStart), window -> store.fetch(window.key(), window.start()));
    }

    @Override
    public void put(K key, V value, long windowStart) {
        entries.put(new InWindow<>(key, windowStart), value);
    }

    @Override
    public WindowStoreIterator<V> fetch(K key, long timeFrom, long timeTo) {
        entries.flushForRead();
        return store.fetch(key, timeFrom, timeTo);
    }

    @Override
    public WindowStoreIterator<V> backwardFetch(K key, long timeFrom, long timeTo) {
        entries.flushForRead();
        return store.backwardFetch(key, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        entries.flushForRead();
        return store.fetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        entries.flushForRead();
        return store.backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> all() {
        entries.flushForRead();
        return store.all();
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardAll() {
        entries.flushForRead();
        return store.backwardAll();
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetchAll(long timeFrom, long timeTo) {
        entries.flushForRead();
        return store.fetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetchAll(long timeFrom, long timeTo) {
        entries.flushForRead();
        return store.backwardFetchAll(timeFrom, timeTo);
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Windowed<K>, V> listener, boolean sendOldValues) {
        return false; // nothing forwards from this store's writes
    }
}
