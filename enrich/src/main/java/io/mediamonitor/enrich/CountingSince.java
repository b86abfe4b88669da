package io.mediamonitor.enrich;

import io.mediamonitor.model.state.MentionEvent;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stamps each mention with the earliest publication time this task has read. A term first mentioned now was
 * absent since then, which is what lets the detector judge a rare actor's first burst.
 */
final class CountingSince implements FixedKeyProcessor<String, MentionEvent, MentionEvent> {

    static final String STORE = "counting-since";
    private static final String KEY = "earliest";

    private FixedKeyProcessorContext<String, MentionEvent> context;
    private KeyValueStore<String, Long> store;
    /** The store's value, read once: it only ever moves back, and only this processor writes it. */
    private Long earliest;

    @Override
    public void init(FixedKeyProcessorContext<String, MentionEvent> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.earliest = store.get(KEY);
    }

    @Override
    public void process(FixedKeyRecord<String, MentionEvent> record) {
        long published = record.value().getPublishedAt().toEpochMilli();
        if (earliest == null || published < earliest) {
            earliest = published;
            store.put(KEY, earliest);
        }
        // each mention is a record of its own (MentionExtractor makes one per term): stamped in place, not copied
        record.value().setCountingSince(Instant.ofEpochMilli(earliest));
        context.forward(record);
    }
}
