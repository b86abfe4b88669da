package io.mediamonitor.enrich;

import io.mediamonitor.model.MentionCount;
import io.mediamonitor.model.state.MentionTally;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * KafkaStreams#queryMetadataForKey names it.
 */
public final class MentionQueries {

    private final KafkaStreams streams;
    private final Duration windowSize;

    public MentionQueries(KafkaStreams streams, Duration windowSize) {
        this.streams = streams;
        this.windowSize = windowSize;
    }

    private ReadOnlyWindowStore<String, MentionTally> store() {
        return streams.store(StoreQueryParameters.fromNameAndType(EnrichTopology.MENTION_COUNTS_STORE,
                QueryableStoreTypes.windowStore()));
    }

    /** Counts of one term for windows starting in [from, to], oldest first. */
    public List<MentionCount> term(String term, Instant from, Instant to) {
        List<MentionCount> counts = new ArrayList<>();
        try (WindowStoreIterator<MentionTally> windows = store().fetch(term, from, to)) {
            while (windows.hasNext()) {
                KeyValue<Long, MentionTally> window = windows.next();
                counts.add(MentionTallies.toCount(term, Instant.ofEpochMilli(window.key),
                        Instant.ofEpochMilli(window.key).plus(windowSize), window.value));
            }
        }
        return counts;
    }

    /** Every term's count in windows starting in [from, to]. */
    public List<MentionCount> all(Instant from, Instant to) {
        List<MentionCount> counts = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, MentionTally> windows = store().fetchAll(from, to)) {
            while (windows.hasNext()) {
                KeyValue<Windowed<String>, MentionTally> window = windows.next();
                counts.add(MentionTallies.toCount(window.key.key(), window.key.window().startTime(),
                        window.key.window().endTime(), window.value));
            }
        }
        return counts;
    }
}
