package io.mediamonitor.enrich;

import io.mediamonitor.model.state.MentionEvent;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stamps each mention with the earliest publication time this task has read. A feed's backlog,
 * read in one burst at start-up, is mostly too late for the windows, yet it shows since when the
 * sources are covered: a term first mentioned now was absent over that span, which is what lets
 * the detector judge a rare actor's first burst.
 */
final class CountingSince implements FixedKeyProcessor<String, MentionEvent, MentionEvent> {

    static final String STORE = "counting-since";
    private static final String KEY = "earliest";

    private FixedKeyProcessorContext<String, MentionEvent> context;
    private KeyValueStore<String, Long> store;

    @Override
    public void init(FixedKeyProcessorContext<String, MentionEvent> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, MentionEvent> record) {
        long published = record.value().getPublishedAt().toEpochMilli();
        Long earliest = store.get(KEY);
        if (earliest == null || published < earliest) {
            earliest = published;
            store.put(KEY, earliest);
        }
        MentionEvent stamped = MentionEvent.newBuilder(record.value()).setCountingSince(Instant.ofEpochMilli(earliest)).build();
        context.forward(record.withValue(stamped));
    }
}
