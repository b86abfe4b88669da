package io.mediamonitor.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Forgets the entries of a key-value store that are older than a cutoff; run from a punctuator. */
final class Expiry {

    private Expiry() {
    }

    static <V> void forgetBefore(KeyValueStore<String, V> store, long cutoff, ToLongFunction<V> timeOf) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> entry = all.next();
                if (timeOf.applyAsLong(entry.value) < cutoff) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(store::delete);
    }
}
