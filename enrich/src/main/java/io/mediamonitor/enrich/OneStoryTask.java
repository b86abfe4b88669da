package io.mediamonitor.enrich;

import io.mediamonitor.model.Article;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Sends every article to partition 0 of the story topic, so that one task sees every story: an edited copy may
 * share no word pair with its story's exact text, and no key would bring the two together. The topic keeps its
 * width (that of the raw topic), so that a job that partitioned by exact text before keeps its state and the
 * articles in flight when it is upgraded; the other partitions' tasks then idle, their stores no longer read.
 */
final class OneStoryTask implements StreamPartitioner<String, Article> {

    private static final Optional<Set<Integer>> FIRST = Optional.of(Set.of(0));

    @Override
    public Optional<Set<Integer>> partitions(String topic, String id, Article article, int partitions) {
        return FIRST;
    }
}
