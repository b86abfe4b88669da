package io.mediamonitor.kafka.state;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * What the write-behind stores share: the store behind, the values kept in front of it, and the store's life
 * (init, the flush before a commit, close), which clears or writes them. See {@link WriteBehindKeyValueStore}.
 *
 * @param <S> the store behind
 * @param <K> the key of a kept value (for a window store, the key and the window's start)
 * @param <V> the value
 */
abstract class WriteBehindStore<S extends StateStore, K, V> implements StateStore {

    protected final S store;
    protected final WriteBehindEntries<K, V> entries;

    WriteBehindStore(S store, WriteBehindEntries<K, V> entries) {
        this.store = store;
        this.entries = entries;
    }

    /** Called by Streams before a task's transaction commits: every change reaches the store and its changelog. */
    public void flushCache() {
        entries.flush();
        if (store instanceof CachedStateStore<?, ?> cached) {
            cached.flushCache();
        }
    }

    public void clearCache() {
        entries.clear();
        if (store instanceof CachedStateStore<?, ?> cached) {
            cached.clearCache();
        }
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
