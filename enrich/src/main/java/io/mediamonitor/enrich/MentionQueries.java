package io.mediamonitor.enrich;

import io.mediamonitor.enrich.counting.MentionStores;
import io.mediamonitor.enrich.counting.WindowGrid;
import io.mediamonitor.enrich.counting.WindowSourceNames;
import io.mediamonitor.enrich.counting.WindowTally;
import io.mediamonitor.model.MentionCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Interactive queries over the windowed mention counts this instance holds, for the dashboard and
 * the HTTP API. A term lives on the instance that owns its partition; with several instances,
 * KafkaStreams#queryMetadataForKey names it. A window's source names reach the store when the window is emitted:
 * until then (one emit interval at most) its count may name fewer sources than it counts.
 */
public final class MentionQueries {

    private final KafkaStreams streams;
    private final WindowGrid grid;

    public MentionQueries(KafkaStreams streams, WindowGrid grid) {
        this.streams = streams;
        this.grid = grid;
    }

    private <V> ReadOnlyWindowStore<String, V> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.windowStore()));
    }

    /** Counts of one term for windows starting in [from, to], oldest first. */
    public List<MentionCount> term(String term, Instant from, Instant to) {
        ReadOnlyWindowStore<String, List<String>> names = store(MentionStores.SOURCE_NAMES);
        List<MentionCount> counts = new ArrayList<>();
        try (WindowStoreIterator<WindowTally> windows = this.<WindowTally>store(MentionStores.WINDOWS)
                .fetch(term, from, to)) {
            while (windows.hasNext()) {
                KeyValue<Long, WindowTally> window = windows.next();
                counts.add(window.value.toCount(term, window.key, grid,
                        WindowSourceNames.read(names, term, window.key, window.value.sources())));
            }
        }
        return counts;
    }

    /**
     * Every term's count in windows starting in [from, to]. Every task keeps the whole volume: of its copies,
     * the one that has counted most.
     */
    public List<MentionCount> all(Instant from, Instant to) {
        ReadOnlyWindowStore<String, List<String>> names = store(MentionStores.SOURCE_NAMES);
        Map<Windowed<String>, MentionCount> counts = new LinkedHashMap<>();
        try (KeyValueIterator<Windowed<String>, WindowTally> windows = this.<WindowTally>store(MentionStores.WINDOWS)
                .fetchAll(from, to)) {
            while (windows.hasNext()) {
                KeyValue<Windowed<String>, WindowTally> window = windows.next();
                String term = window.key.key();
                long start = window.key.window().start();
                MentionCount count = window.value.toCount(term, start, grid,
                        WindowSourceNames.read(names, term, start, window.value.sources()));
                counts.merge(window.key, count, (a, b) -> a.getArticles() >= b.getArticles() ? a : b);
            }
        }
        return new ArrayList<>(counts.values());
    }
}
