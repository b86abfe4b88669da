package io.mediamonitor.enrich.counting;

import io.mediamonitor.model.state.MentionEvent;
import io.mediamonitor.schema.Terms;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Sends the whole volume's mentions ({@link Terms#TOTAL}) to partition 0 and every other mention to its term's
 * partition. The whole volume is counted where it always has been: before mentions carried their windows'
 * volumes ({@link WholeVolume}) it went to every partition and partition 0's task counted it, so its windows'
 * state is there.
 */
public final class TotalOnFirstPartition implements StreamPartitioner<String, MentionEvent> {

    private static final Optional<Set<Integer>> FIRST = Optional.of(Set.of(0));

    @Override
    public Optional<Set<Integer>> partitions(String topic, String term, MentionEvent mention, int partitions) {
        return Terms.TOTAL.equals(term) ? FIRST : Optional.empty(); // empty: the default, by key
    }
}
