package io.mediamonitor.kafka;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.processor.internals.InternalTopicConfig;
import org.apache.kafka.streams.processor.internals.InternalTopicManager;
import org.apache.kafka.streams.processor.internals.InternalTopologyBuilder;
import org.apache.kafka.streams.processor.internals.InternalTopologyBuilder.TopicsInfo;
import org.apache.kafka.streams.processor.internals.TopologyMetadata.Subtopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Streams application's repartition and changelog topics, created before its first start.
 *
 * <p>Left to Streams, they are created in the first rebalance; the new topics change the group's
 * metadata and a second rebalance follows seconds later. On a first start that can catch a task
 * between the two with a store and no checkpoint: Streams logs a {@code TaskCorruptedException}
 * and rebuilds the task. Kafka's own answer, {@code KafkaStreams#init} (KIP-698), is not in 4.3.
 *
 * <p>The topics are planned from the topology as Streams' partition assignor plans them (a
 * repartition topic has as many partitions as the widest input of the subtopologies writing to
 * it, a changelog as many as its subtopology has tasks), and Streams' own
 * {@link InternalTopicManager} creates them, so names, cleanup policies, windowed retention and
 * {@code topic.*} overrides are those Streams would choose. Topics that exist are only checked.
 * Both are Streams internals, pinned by the Kafka version; {@code InternalTopicsIT} guards them.
 */
final class InternalTopics {

    private static final Logger log = LoggerFactory.getLogger(InternalTopics.class);
    private static final Duration DESCRIBE_TIMEOUT = Duration.ofSeconds(30);

    private InternalTopics() {}

    /**
     * Creates the internal topics of a topology already handed to {@code new KafkaStreams(...)}
     * (which names them after the application id). A failure is logged and left to Streams,
     * which creates what is missing itself.
     */
    static void createMissing(Topology topology, StreamsConfig config) {
        try (Admin admin = Admin.create(config.getAdminConfigs(config.getString(StreamsConfig.APPLICATION_ID_CONFIG)
                + "-internal-topics"))) {
            Map<String, InternalTopicConfig> planned = plan(builderOf(topology).subtopologyToTopicsInfo(), admin);
            Set<String> created = new InternalTopicManager(Time.SYSTEM, admin, config).makeReady(planned);
            if (!created.isEmpty()) {
                log.info("Created internal topics {}", new java.util.TreeSet<>(created));
            }
        } catch (Exception e) {
            log.warn("Could not create the internal topics before the start; Streams will create them ({})",
                    e.toString());
            log.debug("Internal topics not created", e);
        }
    }

    /**
     * Every topic a topology handed to {@code new KafkaStreams(...)} reads: its inputs, its repartition topics by their
     * full names, and its global stores' topics.
     */
    static Set<String> sourceTopics(Topology topology) {
        Set<String> topics = new java.util.TreeSet<>();
        try {
            topics.addAll(builderOf(topology).fullSourceTopicNames());
        } catch (ReflectiveOperationException e) {
            topology.describe().subtopologies().forEach(sub -> sub.nodes().forEach(node -> {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    topics.addAll(source.topicSet());
                }
            }));
        }
        topology.describe().globalStores().forEach(store -> topics.addAll(store.source().topicSet()));
        return topics;
    }

    private static Map<String, InternalTopicConfig> plan(Map<Subtopology, TopicsInfo> subtopologies, Admin admin)
            throws Exception {
        Set<String> repartitionTopics = new HashSet<>();
        subtopologies.values().forEach(info -> repartitionTopics.addAll(info.repartitionSourceTopics.keySet()));
        Set<String> inputTopics = new HashSet<>();
        subtopologies.values().forEach(info -> inputTopics.addAll(info.sourceTopics));
        inputTopics.removeAll(repartitionTopics);

        Map<String, Integer> partitions = new HashMap<>(partitionCounts(admin, inputTopics));
        Map<String, InternalTopicConfig> planned = new HashMap<>();
        subtopologies.values().forEach(info -> info.repartitionSourceTopics.forEach((name, topic) -> {
            planned.put(name, topic);
            topic.numberOfPartitions().ifPresent(fixed -> partitions.put(name, fixed));
        }));

        // A repartition topic can feed a subtopology that writes another one: settle them in rounds.
        boolean settledOne = true;
        while (settledOne) {
            settledOne = false;
            for (String topic : repartitionTopics) {
                if (partitions.containsKey(topic)) {
                    continue;
                }
                int widest = 0;
                boolean allKnown = true;
                for (TopicsInfo writer : subtopologies.values()) {
                    if (writer.sinkTopics.contains(topic)) {
                        Integer width = widestInput(writer.sourceTopics, partitions);
                        allKnown &= width != null;
                        widest = Math.max(widest, width == null ? 0 : width);
                    }
                }
                if (allKnown && widest > 0) {
                    partitions.put(topic, widest);
                    settledOne = true;
                }
            }
        }
        if (!partitions.keySet().containsAll(repartitionTopics)) {
            throw new IllegalStateException("cannot size repartition topics " + repartitionTopics);
        }
        repartitionTopics.stream().filter(topic -> planned.get(topic).numberOfPartitions().isEmpty())
                .forEach(topic -> planned.get(topic).setNumberOfPartitions(partitions.get(topic)));

        for (TopicsInfo info : subtopologies.values()) {
            int tasks = widestInput(info.sourceTopics, partitions);
            for (InternalTopicConfig changelog : info.nonSourceChangelogTopics()) {
                changelog.setNumberOfPartitions(tasks);
                planned.put(changelog.name(), changelog);
            }
        }
        return planned;
    }

    /** A subtopology has one task per partition of its widest input; null while one is unknown. */
    private static Integer widestInput(Collection<String> sources, Map<String, Integer> partitions) {
        int widest = 0;
        for (String source : sources) {
            Integer count = partitions.get(source);
            if (count == null) {
                return null;
            }
            widest = Math.max(widest, count);
        }
        return widest;
    }

    private static Map<String, Integer> partitionCounts(Admin admin, Set<String> topics) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                .get(DESCRIBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        described.forEach((name, description) -> counts.put(name, description.partitions().size()));
        return counts;
    }

    private static InternalTopologyBuilder builderOf(Topology topology) throws ReflectiveOperationException {
        Field field = Topology.class.getDeclaredField("internalTopologyBuilder");
        field.setAccessible(true);
        return (InternalTopologyBuilder) field.get(topology);
    }
}
