package io.mediamonitor.enrich.counting;

import io.mediamonitor.model.state.MentionEvent;
import io.mediamonitor.schema.Terms;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Sends the whole volume's mentions ({@link Terms#TOTAL}) to every partition and every other mention to its
 * term's partition. Each counting task then keeps the whole volume of each window as of the same point of its
 * input as its terms' counts, and every count carries its window's volume: a count is never judged against a
 * volume read from elsewhere and behind it, as happens while a backlog is read at start-up.
 */
public final class VolumeEverywhere implements StreamPartitioner<String, MentionEvent> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String term, MentionEvent mention, int partitions) {
        if (!Terms.TOTAL.equals(term)) {
            return Optional.empty(); // the default: by key
        }
        return Optional.of(IntStream.range(0, partitions).boxed().collect(Collectors.toSet()));
    }
}
