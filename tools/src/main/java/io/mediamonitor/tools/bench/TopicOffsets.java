package io.mediamonitor.tools.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Offsets taken per topic (records and transaction markers: the partitions' end offsets, which purging and
 * retention leave as they are), for the topics whose names start with one of the given prefixes: the run's
 * catalogue topics and the Streams applications' changelog and repartition topics.
 */
final class TopicOffsets {

    private final Admin admin;
    private final List<String> prefixes;

    TopicOffsets(Admin admin, List<String> prefixes) {
        this.admin = admin;
        this.prefixes = prefixes;
    }

    /** The sum of each topic's partitions' end offsets: every record and transaction marker it ever took. */
    Map<String, Long> offsetsByTopic() throws InterruptedException {
        try {
            List<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(topic -> prefixes.stream().anyMatch(topic::startsWith)).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(partition ->
                            latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
            Map<String, Long> offsets = new TreeMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((partition, info) ->
                    offsets.merge(partition.topic(), info.offset(), Long::sum));
            return offsets;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets: " + e.getMessage(), e);
        }
    }

    /** What was added between two readings of a per-topic total (offsets, bytes sent), per topic. */
    static Map<String, Long> increase(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> written = new TreeMap<>();
        after.forEach((topic, bytes) -> written.put(topic, bytes - before.getOrDefault(topic, 0L)));
        return written;
    }
}
