package io.mediamonitor.enrich;

import io.mediamonitor.model.Article;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops an article whose id was already processed within the horizon: a producer retry, a feed
 * republishing an item, or two ingest instances racing on one URL. Keyed by article id, so the
 * raw topic's partitioning already puts repeats on one task. Ids are kept by the stream time they
 * were seen at, in a window store that drops them a segment at a time once the horizon has passed.
 */
final class RepeatFilter implements FixedKeyProcessor<String, Article, Article> {

    static final String STORE = "article-ids-by-time";

    private final Duration horizon;
    private FixedKeyProcessorContext<String, Article> context;
    private WindowStore<String, Long> seen;

    RepeatFilter(Duration horizon) {
        this.horizon = horizon;
    }

    static StoreBuilder<WindowStore<String, Long>> store(Duration horizon) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(STORE, horizon, Duration.ofMillis(1), false),
                Serdes.String(), Serdes.Long()).withCachingEnabled();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Article> context) {
        this.context = context;
        this.seen = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        // remembered from when it was seen, not from its publication time: an old article re-sent
        // later must still be recognized for the whole horizon
        long now = Math.max(record.timestamp(), context.currentStreamTimeMs());
        try (WindowStoreIterator<Long> earlier = seen.fetch(record.key(), now - horizon.toMillis(), now)) {
            if (earlier.hasNext()) {
                return;
            }
        }
        seen.put(record.key(), now, now);
        context.forward(record);
    }
}
