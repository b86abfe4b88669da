package io.mediamonitor.kafka.state;

import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
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
 * <p>A read returns the kept object itself, not a copy: a task that changes a value it read must put it back, as
 * with any store, or the change is seen by later reads but never written.
 *
 * <p>Reads on the task's thread see its changes (ranges write them first); reads on another thread (interactive
 * queries) read the store as of the last commit and never touch the values kept here.
 */
public final class WriteBehindKeyValueStore<K, V> extends WriteBehindStore<KeyValueStore<K, V>, K, V>
        implements KeyValueStore<K, V>, CachedStateStore<K, V> {

    WriteBehindKeyValueStore(KeyValueStore<K, V> store, int capacity) {
        super(store, new WriteBehindEntries<>(capacity, (key, value) -> {
            if (value == null) {
                store.delete(key);
            } else {
                store.put(key, value);
            }
        }));
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
    public boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues) {
        return false; // nothing forwards from this store's writes
    }
}
