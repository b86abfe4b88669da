package io.mediamonitor.enrich;

import io.mediamonitor.kafka.StateStoreType;
import io.mediamonitor.model.Article;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Drops an article whose id was already processed within the horizon: a producer retry, a feed
 * republishing an item, or two ingest instances racing on one URL. Keyed by article id, so the
 * raw topic's partitioning already puts repeats on one task. Each article goes on with the raw partition it came
 * from ({@link RawPartition}).
 */
final class RepeatFilter implements FixedKeyProcessor<String, Article, Article> {

    static final String STORE = "article-ids";
    static final String EXPIRY = "article-ids-by-time";

    private final Duration horizon;
    private FixedKeyProcessorContext<String, Article> context;
    private KeyValueStore<String, Long> seen;
    private Expiry expiry;
    /**
     * The newest time of the articles let through: ids are noted and forgotten by it, not by the task's stream time,
     * which a dropped repeat moves too (a feed re-dating an item). Story dedup never sees a dropped repeat, and the
     * repeat horizon is measured against what it sees (see {@link EnrichSettings#idHorizon}).
     */
    private long newestForwarded = Long.MIN_VALUE;

    RepeatFilter(Duration horizon) {
        this.horizon = horizon;
    }

    static List<StoreBuilder<?>> stores(StateStoreType type) {
        // not cached: an id is written once (see MentionStores)
        return List.of(Stores.keyValueStoreBuilder(type.keyValue(STORE), Serdes.String(), Serdes.Long()),
                Expiry.store(EXPIRY, type));
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Article> context) {
        this.context = context;
        // a task revived after a dirty close keeps its processors: start as a new one would, not from what the
        // aborted transaction had read
        this.newestForwarded = Long.MIN_VALUE;
        this.seen = context.getStateStore(STORE);
        this.expiry = new Expiry(context.getStateStore(EXPIRY));
        // an id is noted when first seen and never renewed: a repeat is dropped, not remembered again
        // until an article is let through (after a restart too) nothing is forgotten
        context.schedule(Expiry.SWEEP_EVERY, PunctuationType.STREAM_TIME,
                streamTime -> expiry.forgetBefore(newestForwarded, seen));
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        if (record.key() == null || record.value() == null || seen.get(record.key()) != null) {
            return;
        }
        // remembered from when it was seen, not from its publication time: an old article re-sent
        // later must still be recognized for the whole horizon
        long now = Math.max(record.timestamp(), newestForwarded);
        newestForwarded = now;
        seen.put(record.key(), now);
        expiry.expireAt(record.key(), now + horizon.toMillis());
        context.forward(context.recordMetadata()
                .map(read -> record.withHeaders(RawPartition.stamped(record.headers(), read.partition())))
                .orElse(record));
    }
}
