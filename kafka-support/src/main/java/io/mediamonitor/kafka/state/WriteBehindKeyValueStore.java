package io.mediamonitor.kafka.state;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A key-value store whose task reads and writes decoded values, written to the store (its changelog, its disk)
 * once per commit: a value changed many times between two commits costs one encoding and one write, and a
 * value read again costs no lookup and no decoding. Streams' record cache coalesces writes too, but keeps
 * encoded bytes in a sorted map, so every read decodes and every write encodes.
 *
 * <p>Exactly-once holds as with the record cache: Streams has every cached store write what it holds before a
 * task's transaction commits ({@link CachedStateStore#flushCache()}, an interface of Streams' internals that its
 * own caching layer implements), so the changelog carries every change in the transaction of the input that
 * made it; a crash discards both.
 *
 * <p>Reads on the task's thread see its changes (ranges write them first); reads on another thread (interactive
 * queries) read the store as of the last commit and never touch the values kept here.
 */
public final class WriteBehindKeyValueStore<K, V> implements KeyValueStore<K, V>, CachedStateStore<K, V> {

    private final KeyValueStore<K, V> store;
    private final WriteBehindEntries<K, V> entries;

    WriteBehindKeyValueStore(KeyValueStore<K, V> store, int capacity) {
        this.store = store;
        this.entries = new WriteBehindEntries<>(capacity, (key, value) -> {
            if (value == null) {
                store.delete(key);
            } else {
                store.put(key, value);
            }
        });
    }

    @Override
    public V get(K key) {
        return entries.get(key, store::get);
    }

    @Override
    public void put(K key, V value) {
        entries.put(key, value);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        V current = get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public void putAll(List<KeyValue<K, V>> pairs) {
        pairs.forEach(pair -> put(pair.key, pair.value));
    }

    @Override
    public V delete(K key) {
        V current = get(key);
        entries.put(key, null);
        return current;
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        entries.flushForRead();
        return store.range(from, to);
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        entries.flushForRead();
        return store.reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<K, V> all() {
        entries.flushForRead();
        return store.all();
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        entries.flushForRead();
        return store.reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixKeySerializer) {
        entries.flushForRead();
        return store.prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return store.approximateNumEntries();
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
    public boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues) {
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
