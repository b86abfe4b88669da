package io.mediamonitor.schema;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How a topic is laid out: partitions, cleanup policy and retention. Replication comes from the
 * cluster (see {@link TopicProvisioner}), since one spec serves the embedded broker and a cluster.
 */
public record TopicSpec(int partitions, boolean compacted, Duration retention) {

    public static TopicSpec deleting(int partitions, Duration retention) {
        return new TopicSpec(partitions, false, retention);
    }

    public static TopicSpec compacted(int partitions) {
        return new TopicSpec(partitions, true, null);
    }

    /** Compacted, and records older than the retention deleted too: latest value per key, for a while. */
    public static TopicSpec compactedFor(int partitions, Duration retention) {
        return new TopicSpec(partitions, true, retention);
    }

    /** Topic-level configs in Kafka's own keys. */
    public Map<String, String> configs() {
        Map<String, String> configs = new HashMap<>();
        String policy = !compacted ? TopicConfig.CLEANUP_POLICY_DELETE
                : retention == null ? TopicConfig.CLEANUP_POLICY_COMPACT
                : TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE;
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, policy);
        configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(RecordLimits.MAX_MESSAGE_BYTES));
        if (retention != null) {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
        }
        return configs;
    }

    public String describe() {
        if (compacted) {
            return retention == null ? "compact" : "compact+delete, " + retention.toDays() + " d";
        }
        return "delete, " + (retention == null ? "broker default" : retention.toDays() + " d");
    }
}
