package io.mediamonitor.kafka;

import java.time.Duration;
import java.util.Locale;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

/**
 * Where a Streams job keeps its state (config key {@code state.store}, values as Kafka's {@code default.dsl.store}).
 * Either way every store is backed by its changelog topic, so exactly-once and crash recovery are the same:
 * <ul>
 *   <li>{@link #ROCKSDB} (the default, as in Kafka Streams): on disk, the heap holds only what is cached; a restart
 *       reads back only what the changelog gained since the last checkpoint;</li>
 *   <li>{@link #IN_MEMORY}: on the heap, about a fifth less CPU per article here (no RocksDB writes, flushes and
 *       compactions; see tools/BENCHMARKS.md), but every start restores the whole state from the changelogs and
 *       the heap grows with the windows and stories kept. For a watch of a few thousand articles a day.</li>
 * </ul>
 */
public enum StateStoreType {
    ROCKSDB("rocksDB"),
    IN_MEMORY("in_memory");

    private final String configValue;

    StateStoreType(String configValue) {
        this.configValue = configValue;
    }

    /** {@code rocksDB} or {@code in_memory} (any case; {@code in-memory} too). */
    public static StateStoreType of(String value) {
        String normalized = value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (StateStoreType type : values()) {
            if (type.configValue.toLowerCase(Locale.ROOT).equals(normalized)) {
                return type;
            }
        }
        throw new IllegalArgumentException("state.store must be rocksDB or in_memory, not " + value);
    }

    public String configValue() {
        return configValue;
    }

    public KeyValueBytesStoreSupplier keyValue(String name) {
        return this == ROCKSDB ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
    }

    /** A key-value store that keeps each value's record time, as Streams' tables do. */
    public KeyValueBytesStoreSupplier timestampedKeyValue(String name) {
        return this == ROCKSDB ? Stores.persistentTimestampedKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
    }

    public WindowBytesStoreSupplier window(String name, Duration retention, Duration windowSize) {
        return window(name, retention, windowSize, false);
    }

    public WindowBytesStoreSupplier window(String name, Duration retention, Duration windowSize,
                                           boolean retainDuplicates) {
        return this == ROCKSDB ? Stores.persistentWindowStore(name, retention, windowSize, retainDuplicates)
                : Stores.inMemoryWindowStore(name, retention, windowSize, retainDuplicates);
    }
}
