package io.mediamonitor.kafka;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * A compacted topic's latest value per key in a global store, kept as a global table keeps it (with each record's
 * time; a tombstone removes the key), but through a processor. Streams reads such a store back at start through the
 * deserializer and its exception handler, where a global table's restore copies the bytes as they are: an unreadable
 * entry is then dead-lettered, rather than kept in the store for every reader of its key to fail on.
 */
public final class GlobalTables {

    private GlobalTables() {
    }

    /** Adds the store {@code supplier} names, filled from {@code topic} as {@code consumed} reads it. */
    public static <V> void latestValues(StreamsBuilder builder, KeyValueBytesStoreSupplier supplier, String topic,
                                        Consumed<String, V> consumed, Serde<V> values) {
        String store = supplier.name();
        builder.addGlobalStore(Stores.timestampedKeyValueStoreBuilder(supplier, Serdes.String(), values)
                .withLoggingDisabled(), topic, consumed, () -> new LatestValue<>(store));
    }

    /** Keeps each key's latest value and its record time. */
    private static final class LatestValue<V> implements Processor<String, V, Void, Void> {
        private final String store;
        private TimestampedKeyValueStore<String, V> latest;

        LatestValue(String store) {
            this.store = store;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            latest = context.getStateStore(store);
        }

        @Override
        public void process(Record<String, V> record) {
            if (record.value() == null) {
                latest.delete(record.key());
            } else {
                latest.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
            }
        }
    }
}
