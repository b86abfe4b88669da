package io.mediamonitor.enrich;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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
 * as much as the horizon holds). Forgetting a key reads nothing from the first store: whether it was noted again
 * since is the caller's to tell.
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
     * Removes from {@code store} every key noted to expire before {@code now}, unless {@code livesOn} tells that the
     * key was noted again since with a later time (renewed, or opened anew under the same key): that later entry
     * forgets it then. {@code onForget} hears each key removed, for what is derived from it. Removing writes a
     * tombstone without reading the entry (a store's {@code delete} reads it from RocksDB and decodes it, to return
     * a value no sweep needs).
     */
    int forgetBefore(long now, KeyValueStore<String, ?> store, Predicate<String> livesOn, Consumer<String> onForget) {
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
            if (!livesOn.test(key)) {
                store.put(key, null);
                onForget.accept(key);
                forgotten++;
            }
            byTime.put(index, null);
        }
        nothingBefore = Math.max(nothingBefore, Math.max(0, now));
        return forgotten;
    }

    /** As above, for keys noted once each: a key is noted again only once it has been forgotten. */
    int forgetBefore(long now, KeyValueStore<String, ?> store) {
        return forgetBefore(now, store, key -> false, key -> { });
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
