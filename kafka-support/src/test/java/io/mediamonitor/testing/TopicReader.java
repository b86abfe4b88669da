package io.mediamonitor.testing;

import io.mediamonitor.kafka.TopicFollower;
import io.mediamonitor.schema.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a whole topic as a downstream consumer sees it (committed records only), from the beginning to the end
 * offsets it has when the read starts: what tests assert "nothing lost, nothing doubled" against. The project's
 * {@link TopicFollower}, so no consumer group disturbs the jobs under test, and a read that cannot reach the end
 * fails at its deadline rather than return part of the topic.
 */
public final class TopicReader {

    private TopicReader() {
    }

    public static <K, V> List<ConsumerRecord<K, V>> readToEnd(String bootstrapServers, String topic,
                                                               Deserializer<K> keys, Deserializer<V> values,
                                                               Duration timeout) {
        try (TopicFollower<K, V> follower = TopicFollower.of(client(bootstrapServers), keys, values, topic).build()) {
            return follower.readToEnd(timeout);
        }
    }

    public static <K, V> List<ConsumerRecord<K, V>> readToEnd(String bootstrapServers, Topic<K, V> topic,
                                                               Duration timeout) {
        try (TopicFollower<K, V> follower = TopicFollower.of(topic, client(bootstrapServers)).build()) {
            return follower.readToEnd(timeout);
        }
    }

    /** The latest value per key, as a compacted topic keeps it (a tombstone removes its key). */
    public static <K, V> Map<K, V> latest(String bootstrapServers, Topic<K, V> topic, Duration timeout) {
        try (TopicFollower<K, V> follower = TopicFollower.of(topic, client(bootstrapServers)).build()) {
            return follower.latestToEnd(timeout);
        }
    }

    private static Map<String, Object> client(String bootstrapServers) {
        return Map.of("bootstrap.servers", bootstrapServers);
    }
}
