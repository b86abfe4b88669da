package io.mediamonitor.enrich;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import io.mediamonitor.kafka.StateStoreType;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * When the keys of a key-value store expire, as a second store ordered by time: forgetting what expired reads
 * only what expired, not the whole store (an hourly scan of every article id or story would cost, per article,
 * as much as the horizon holds). Keys are looked up in the first store by key, at one read each.
 *
 * <p>Each sweep reads from where the last one ended, not from the store's first key: RocksDB keeps a deleted
 * entry as a tombstone until compaction reaches it, so a range from the start would step over every entry
 * forgotten since, a cost that grows with the hours run (RocksDB's advice for queue-like use).
 */
final class Expiry {

    private final KeyValueStore<Bytes, byte[]> byTime;
    /** No entry is older than this: the last sweep's time, or older if an entry noted since is; -1 not known yet. */
    private long nothingBefore = -1;

    Expiry(KeyValueStore<Bytes, byte[]> byTime) {
        this.byTime = byTime;
    }

    static StoreBuilder<KeyValueStore<Bytes, byte[]>> store(String name, StateStoreType type) {
        // not cached: each entry is written once and deleted once
        return Stores.keyValueStoreBuilder(type.keyValue(name), Serdes.Bytes(), Serdes.ByteArray());
    }

    /** Notes that {@code key} expires at {@code expiresAt} (epoch ms). */
    void expireAt(String key, long expiresAt) {
        byTime.put(indexKey(expiresAt, key), EMPTY);
        if (nothingBefore >= 0) {
            nothingBefore = Math.min(nothingBefore, Math.max(0, expiresAt));
        }
    }

    /**
     * Removes from {@code store} every key noted to expire before {@code now} whose entry {@code stillLive} does
     * not keep (the entry may have been renewed since it was noted).
     */
    <V> int forgetBefore(long now, KeyValueStore<String, V> store, Predicate<V> stillLive) {
        return forgetBefore(now, store, stillLive, (key, value) -> { });
    }

    /** As above, telling {@code onForget} each key and value it removes, for what is derived from them. */
    <V> int forgetBefore(long now, KeyValueStore<String, V> store, Predicate<V> stillLive,
                         BiConsumer<String, V> onForget) {
        List<Bytes> due = new ArrayList<>();
        // a task's first sweep reads from the first key: where the last sweep before a restart ended is not kept
        Bytes from = nothingBefore < 0 ? null : indexKey(nothingBefore, "");
        try (KeyValueIterator<Bytes, byte[]> expired = byTime.range(from, indexKey(now, ""))) {
            while (expired.hasNext()) {
                due.add(expired.next().key);
            }
        }
        int forgotten = 0;
        for (Bytes index : due) {
            String key = new String(index.get(), Long.BYTES, index.get().length - Long.BYTES, StandardCharsets.UTF_8);
            V value = store.get(key);
            if (value != null && !stillLive.test(value)) {
                onForget.accept(key, value);
                store.delete(key);
                forgotten++;
            }
            byTime.delete(index);
        }
        nothingBefore = Math.max(nothingBefore, Math.max(0, now));
        return forgotten;
    }

    /** Big-endian time first: the store's byte order is time order. */
    static Bytes indexKey(long time, String key) {
        byte[] text = key.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + text.length).putLong(Math.max(0, time)).put(text).array());
    }

    private static final byte[] EMPTY = new byte[0];

    /** How often expired keys are forgotten, in stream time. */
    static final Duration SWEEP_EVERY = Duration.ofHours(1);
}
