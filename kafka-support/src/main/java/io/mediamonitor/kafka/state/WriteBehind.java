package io.mediamonitor.kafka.state;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Store builders whose stores keep decoded values in front of the store and write changes once per commit
 * ({@link WriteBehindKeyValueStore}, {@link WriteBehindWindowStore}): for stores a task rewrites many times
 * between commits. Streams' record cache is turned off behind them (it would only copy the same writes).
 */
public final class WriteBehind {

    private WriteBehind() {
    }

    /** @param capacity how many values to keep, changed or not, per store instance (one per task) */
    public static <K, V> StoreBuilder<KeyValueStore<K, V>> keyValue(StoreBuilder<KeyValueStore<K, V>> builder,
                                                                    int capacity) {
        return new Builder<>(builder.withCachingDisabled(), store -> new WriteBehindKeyValueStore<>(store, capacity));
    }

    /** @param capacity how many (key, window) values to keep, changed or not, per store instance (one per task) */
    public static <K, V> StoreBuilder<WindowStore<K, V>> window(StoreBuilder<WindowStore<K, V>> builder,
                                                                int capacity) {
        return new Builder<>(builder.withCachingDisabled(), store -> new WriteBehindWindowStore<>(store, capacity));
    }

    private static final class Builder<T extends StateStore> implements StoreBuilder<T> {
        private final StoreBuilder<T> builder;
        private final UnaryOperator<T> wrap;

        Builder(StoreBuilder<T> builder, UnaryOperator<T> wrap) {
            this.builder = builder;
            this.wrap = wrap;
        }

        @Override
        public StoreBuilder<T> withCachingEnabled() {
            throw new UnsupportedOperationException("a write-behind store is its own cache");
        }

        @Override
        public StoreBuilder<T> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<T> withLoggingEnabled(Map<String, String> config) {
            builder.withLoggingEnabled(config);
            return this;
        }

        @Override
        public StoreBuilder<T> withLoggingDisabled() {
            builder.withLoggingDisabled();
            return this;
        }

        @Override
        public T build() {
            return wrap.apply(builder.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return builder.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return builder.loggingEnabled();
        }

        @Override
        public String name() {
            return builder.name();
        }
    }
}
