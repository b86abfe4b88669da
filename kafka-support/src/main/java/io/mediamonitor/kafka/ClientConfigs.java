package io.mediamonitor.kafka;

import io.mediamonitor.schema.RecordLimits;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The settings of every Kafka producer and consumer media-monitor makes outside Kafka Streams, in the three layers
 * {@link StreamsDefaults} applies to the Streams jobs, in this order:
 * <ol>
 *   <li>tunables (client id, batching, compression, offset reset, session timeout), which the user's settings
 *       override;</li>
 *   <li>the user's client settings ({@code bootstrap.servers}, security, the {@code kafka.*} keys);</li>
 *   <li>what the guarantees rest on (idempotence and acknowledgement by every in-sync replica for producers;
 *       committed records only and offsets committed by hand for consumers). A user setting that contradicts one
 *       is refused, not silently applied or silently ignored.</li>
 * </ol>
 */
public final class ClientConfigs {

    /**
     * The most a producer puts in one batch, where Kafka's default is 16 KB: a busy partition's records between two
     * sends go in one batch instead of several, and every batch costs the producer two fresh 64 KB lz4 blocks and
     * the broker a record batch to validate and append. A partition holds a buffer of this size while it has a
     * batch open, within {@code buffer.memory} (32 MB). See tools/BENCHMARKS.md.
     */
    public static final int PRODUCER_BATCH_BYTES = 128 * 1024;

    private ClientConfigs() {
    }

    /** An idempotent producer acknowledged by every in-sync replica: a retried send is neither lost nor doubled. */
    public static Map<String, Object> producer(Map<String, Object> user, String clientId) {
        return producer(user, clientId, Map.of());
    }

    /**
     * The same, with tunables of the caller's own (a short delivery timeout for a request a person waits on); a null
     * client id lets Kafka number it, so two such producers in one JVM do not clash on their metrics.
     */
    public static Map<String, Object> producer(Map<String, Object> user, String clientId,
                                               Map<String, Object> tunables) {
        Map<String, Object> ours = new LinkedHashMap<>();
        if (clientId != null) {
            ours.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        }
        ours.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        ours.put(ProducerConfig.BATCH_SIZE_CONFIG, PRODUCER_BATCH_BYTES);
        ours.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        ours.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordLimits.MAX_REQUEST_BYTES);
        ours.putAll(tunables);
        Map<String, Object> guarantees = new LinkedHashMap<>();
        guarantees.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        guarantees.put(ProducerConfig.ACKS_CONFIG, "all");
        return layered("producers", ours, normalizedAcks(user), guarantees);
    }

    /**
     * A reader outside any group: partitions assigned by hand, nothing committed, and only committed records
     * unless it is told to see aborted ones too (tests of exactly-once do).
     */
    public static Map<String, Object> reader(Map<String, Object> user, String clientId, boolean committedOnly) {
        Map<String, Object> ours = new LinkedHashMap<>();
        ours.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        ours.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Object> config = layered("readers", ours, user, consumerGuarantees(committedOnly));
        // no group: nothing to rebalance, nothing committed
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        return config;
    }

    /**
     * A member of a consumer group that commits its offsets itself, reads committed records only, and hands its
     * partitions over within {@link StreamsDefaults#SESSION_TIMEOUT_MS} when it dies without leaving.
     */
    public static Map<String, Object> member(Map<String, Object> user, String groupId, String clientId,
                                             Map<String, Object> tunables) {
        Map<String, Object> ours = new LinkedHashMap<>();
        ours.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        ours.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ours.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, StreamsDefaults.SESSION_TIMEOUT_MS);
        ours.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, StreamsDefaults.SESSION_TIMEOUT_MS / 3);
        ours.putAll(tunables);
        Map<String, Object> config = layered("consumer groups", ours, user, consumerGuarantees(true));
        // which group is the caller's to say, whatever group a shared client setting names
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        return config;
    }

    /**
     * Tunables, then the user's settings, then the guarantees; a user setting that contradicts a guarantee is
     * refused, naming the {@code kafka.*} key.
     */
    static Map<String, Object> layered(String clients, Map<String, Object> tunables, Map<String, Object> user,
                                       Map<String, Object> guarantees) {
        guarantees.forEach((key, value) -> {
            Object asked = user.get(key);
            if (asked != null && !Objects.equals(asked.toString(), value.toString())) {
                throw new IllegalArgumentException("kafka." + key + "=" + asked + " is not allowed: media-monitor's "
                        + clients + " run with " + key + "=" + value + ", which their guarantees rest on");
            }
        });
        Map<String, Object> config = new HashMap<>(tunables);
        config.putAll(user);
        config.putAll(guarantees);
        return config;
    }

    private static Map<String, Object> consumerGuarantees(boolean committedOnly) {
        Map<String, Object> guarantees = new LinkedHashMap<>();
        guarantees.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        guarantees.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, committedOnly ? "read_committed" : "read_uncommitted");
        // a typo in a topic prefix must fail loudly or wait, not create an empty topic
        guarantees.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return guarantees;
    }

    /** acks=-1 is Kafka's other spelling of acks=all. */
    private static Map<String, Object> normalizedAcks(Map<String, Object> user) {
        Object acks = user.get(ProducerConfig.ACKS_CONFIG);
        if (acks == null || !acks.toString().trim().equals("-1")) {
            return user;
        }
        Map<String, Object> copy = new HashMap<>(user);
        copy.put(ProducerConfig.ACKS_CONFIG, "all");
        return copy;
    }
}
