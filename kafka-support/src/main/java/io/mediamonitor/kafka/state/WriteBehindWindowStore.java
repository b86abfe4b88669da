package io.mediamonitor.kafka.state;

import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A window store (one value per key and window) whose task reads and writes decoded values, written to the store
 * once per commit: as {@link WriteBehindKeyValueStore}, which says why and how exactly-once holds.
 */
public final class WriteBehindWindowStore<K, V> implements WindowStore<K, V>, CachedStateStore<Windowed<K>, V> {

    /** A key in one window. */
    private record InWindow<K>(K key, long start) {
    }

    private final WindowStore<K, V> store;
    private final WriteBehindEntries<InWindow<K>, V> entries;

    WriteBehindWindowStore(WindowStore<K, V> store, int capacity) {
        this.store = store;
        // a null value deletes a window's value, as the store's own put does
        this.entries = new WriteBehindEntries<>(capacity, (window, value) -> store.put(window.key(), value,
                window.start()));
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
    public WindowStoreIterator<V> fetch(K key, Instant timeFrom, Instant timeTo) {
        entries.flushForRead();
        return store.fetch(key, timeFrom, timeTo);
    }

    @Override
    public WindowStoreIterator<V> backwardFetch(K key, long timeFrom, long timeTo) {
        entries.flushForRead();
        return store.backwardFetch(key, timeFrom, timeTo);
    }

    @Override
    public WindowStoreIterator<V> backwardFetch(K key, Instant timeFrom, Instant timeTo) {
        entries.flushForRead();
        return store.backwardFetch(key, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        entries.flushForRead();
        return store.fetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, Instant timeFrom, Instant timeTo) {
        entries.flushForRead();
        return store.fetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        entries.flushForRead();
        return store.backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetch(K keyFrom, K keyTo, Instant timeFrom, Instant timeTo) {
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
    public KeyValueIterator<Windowed<K>, V> fetchAll(Instant timeFrom, Instant timeTo) {
        entries.flushForRead();
        return store.fetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetchAll(long timeFrom, long timeTo) {
        entries.flushForRead();
        return store.backwardFetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetchAll(Instant timeFrom, Instant timeTo) {
        entries.flushForRead();
        return store.backwardFetchAll(timeFrom, timeTo);
    }

    @Override
    public void flushCache() {
        entries.flush();
        if (store instanceof CachedStateStore<?, ?> cached) {
            cached.flushCache();
        }
    }

    @Override
    public void clearCache() {
        entries.clear();
        if (store instanceof CachedStateStore<?, ?> cached) {
            cached.clearCache();
        }
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Windowed<K>, V> listener, boolean sendOldValues) {
        return false; // nothing forwards from this store's writes
    }

    @Override
    public String name() {
        return store.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        entries.clear(); // a task revived after a failure restores the store: what was kept is stale
        store.init(context, root);
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        store.commit(changelogOffsets);
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return store.committedOffset(partition);
    }

    @Override
    public boolean managesOffsets() {
        return store.managesOffsets();
    }

    @Override
    public void close() {
        entries.clear(); // a clean close flushed them first; a dirty one discards them with the transaction
        store.close();
    }

    @Override
    public boolean persistent() {
        return store.persistent();
    }

    @Override
    public boolean isOpen() {
        return store.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return store.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return store.getPosition();
    }
}
