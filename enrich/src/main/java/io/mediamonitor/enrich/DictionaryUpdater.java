package io.mediamonitor.enrich;

import io.mediamonitor.model.DictionaryEntry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global dictionary store (the GlobalKTable over media.dictionary) and the live tagger
 * in step. Restoration fills the store without calling process(), so init() rebuilds from it.
 */
final class DictionaryUpdater implements Processor<String, DictionaryEntry, Void, Void> {

    static final String STORE = "dictionary";

    private final LiveDictionary dictionary;
    private KeyValueStore<String, DictionaryEntry> store;

    DictionaryUpdater(LiveDictionary dictionary) {
        this.dictionary = dictionary;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(STORE);
        Map<String, DictionaryEntry> restored = new HashMap<>();
        try (KeyValueIterator<String, DictionaryEntry> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, DictionaryEntry> entry = all.next();
                restored.put(entry.key, entry.value);
            }
        }
        dictionary.reset(restored);
    }

    @Override
    public void process(Record<String, DictionaryEntry> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        dictionary.apply(record.key(), record.value());
    }
}
