package io.mediamonitor.tools.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a Streams application is behind its input: the end offsets of its source topics and of
 * its own repartition topics minus the offsets it committed (Admin, no consumer of ours in its
 * group). Zero means everything written to its input has been processed and committed — with
 * exactly-once, its output is then committed too.
 */
final class ApplicationLag {

    private final Admin admin;
    private final String applicationId;
    private final List<String> sourceTopics;

    ApplicationLag(Admin admin, String applicationId, List<String> sourceTopics) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.sourceTopics = sourceTopics;
    }

    /** Records written to the application's input that it has not committed yet. */
    long lag() throws InterruptedException {
        try {
            List<String> topics = new ArrayList<>(sourceTopics);
            Set<String> all = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            all.stream().filter(t -> t.startsWith(applicationId + "-") && t.endsWith("-repartition")).forEach(topics::add);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, description) ->
                    description.partitions().forEach(p -> ends.put(new TopicPartition(name, p.partition()),
                            OffsetSpec.latest())));
            Map<TopicPartition, Long> end = admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
                OffsetAndMetadata done = committed.get(e.getKey());
                lag += Math.max(0, e.getValue() - (done == null ? 0 : done.offset()));
            }
            return lag;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the progress of " + applicationId + ": " + e.getMessage(), e);
        }
    }
}
