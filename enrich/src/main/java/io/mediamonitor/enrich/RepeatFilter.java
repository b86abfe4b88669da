package io.mediamonitor.enrich;

import io.mediamonitor.model.Article;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Drops an article whose id was already processed within the horizon: a producer retry, a feed
 * republishing an item, or two ingest instances racing on one URL. Keyed by article id, so the
 * raw topic's partitioning already puts repeats on one task.
 */
final class RepeatFilter implements FixedKeyProcessor<String, Article, Article> {

    static final String STORE = "article-ids";

    private final Duration horizon;
    private FixedKeyProcessorContext<String, Article> context;
    private KeyValueStore<String, Long> seen;

    RepeatFilter(Duration horizon) {
        this.horizon = horizon;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Article> context) {
        this.context = context;
        this.seen = context.getStateStore(STORE);
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::forgetOlderThanHorizon);
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        if (record.key() == null || record.value() == null || seen.get(record.key()) != null) {
            return;
        }
        // remembered from when it was seen, not from its publication time: an old article re-sent
        // later must still be recognized for the whole horizon
        seen.put(record.key(), Math.max(record.timestamp(), context.currentStreamTimeMs()));
        context.forward(record);
    }

    private void forgetOlderThanHorizon(long streamTime) {
        Expiry.forgetBefore(seen, streamTime - horizon.toMillis(), seenAt -> seenAt);
    }
}
