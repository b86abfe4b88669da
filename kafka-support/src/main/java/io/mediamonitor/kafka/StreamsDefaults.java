package io.mediamonitor.kafka;

import io.mediamonitor.schema.RecordLimits;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The base every Streams application of media-monitor inherits, in the three layers of {@link ClientConfigs}:
 * <ol>
 *   <li>tunable defaults (compression, cache, record sizes, offset reset), which the user's {@code kafka.*}
 *       settings override;</li>
 *   <li>the user's client settings ({@code bootstrap.servers}, security, anything else);</li>
 *   <li>what the system's guarantees rest on: exactly-once, explicit names for every internal resource, bad records
 *       sent to the dead-letter topic in a bounded form instead of stopping the job. A user setting that contradicts
 *       one of them is refused, not silently applied (or silently ignored).</li>
 * </ol>
 */
public final class StreamsDefaults {

    /** Group session timeout of every media-monitor consumer group (the broker's smallest by default). */
    public static final int SESSION_TIMEOUT_MS = 6_000;

    /** The client settings exactly-once rests on, and the values that keep it (the first is the one to name). */
    private static final Map<String, Set<String>> EXACTLY_ONCE = Map.of(
            ProducerConfig.ACKS_CONFIG, new LinkedHashSet<>(List.of("all", "-1")),
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, Set.of("true"),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, Set.of("read_committed"));
    /** Longest first: main.consumer. before consumer. */
    private static final List<String> CLIENT_PREFIXES = List.of(StreamsConfig.MAIN_CONSUMER_PREFIX,
            StreamsConfig.RESTORE_CONSUMER_PREFIX, StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.PRODUCER_PREFIX,
            StreamsConfig.CONSUMER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX);

    private StreamsDefaults() {
    }

    public static Properties base(String applicationId, Map<String, Object> clientConfig, String deadLetterTopic,
                                  String stateDir) {
        refuseWhatExactlyOnceForbids(clientConfig);
        Properties props = new Properties();
        props.putAll(ClientConfigs.layered("Streams jobs", tunables(), clientConfig,
                guarantees(applicationId, deadLetterTopic)));
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        props.putIfAbsent(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                instanceId(applicationId, stateDir));
        return props;
    }

    /**
     * The static group member an instance is (KIP-345): one per host and state directory, the two things that make
     * an instance what it is. A restarted instance takes its partitions back at once, with no rebalance and no
     * wait for its former self's session to expire.
     */
    static String instanceId(String applicationId, String stateDir) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        String dir = java.nio.file.Path.of(stateDir).toAbsolutePath().normalize().toString();
        return applicationId + "-" + host + "-" + Integer.toHexString(dir.hashCode());
    }

    private static Map<String, Object> tunables() {
        Map<String, Object> tunables = new LinkedHashMap<>();
        tunables.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // Client settings here are unprefixed, so a user's kafka.<setting> replaces them; Streams would let a
        // producer./consumer.-prefixed default win over it.
        // lz4: several times cheaper than zstd per record, on every output, repartition and changelog topic
        tunables.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // a commit sends what each partition gathered since the last one: in one batch rather than in 16 KB ones
        tunables.put(ProducerConfig.BATCH_SIZE_CONFIG, ClientConfigs.PRODUCER_BATCH_BYTES);
        // the record cache coalesces the counting's many updates of one window between two commits; 10 MB
        // (Streams' default) evicts busy windows before the commit and writes them many times
        tunables.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);
        // what a producer may send, every topic the job creates takes (repartition and changelog topics too)
        tunables.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordLimits.MAX_REQUEST_BYTES);
        tunables.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), RecordLimits.MAX_MESSAGE_BYTES);
        // failover in seconds: an instance killed without leaving (kill -9, a lost host) gives its partitions up
        // after this long, not Kafka's 45 s; the price is a rebalance when a pause outlasts it (brokers accept 6 s
        // and more by default; GC pauses here are milliseconds)
        tunables.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
        tunables.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, SESSION_TIMEOUT_MS / 3);
        return tunables;
    }

    /**
     * Exactly-once makes Streams require these of its clients, and Kafka refuses a contradiction with an exception
     * of its own: refused here instead, with the {@code kafka.*} key named, whichever of Streams' client prefixes
     * it carries.
     */
    private static void refuseWhatExactlyOnceForbids(Map<String, Object> user) {
        user.forEach((key, value) -> {
            String name = key;
            for (String prefix : CLIENT_PREFIXES) {
                if (key.startsWith(prefix)) {
                    name = key.substring(prefix.length());
                    break;
                }
            }
            Set<String> allowed = EXACTLY_ONCE.get(name);
            if (allowed != null && value != null && !allowed.contains(value.toString().trim().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("kafka." + key + "=" + value + " is not allowed: media-monitor's"
                        + " Streams jobs run exactly-once, which needs " + name + "=" + allowed.iterator().next());
            }
        });
    }

    private static Map<String, Object> guarantees(String applicationId, String deadLetterTopic) {
        Map<String, Object> guarantees = new LinkedHashMap<>();
        guarantees.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        guarantees.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        guarantees.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        guarantees.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
        guarantees.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetteringDeserializationHandler.class.getName());
        guarantees.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetteringProcessingHandler.class.getName());
        guarantees.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetteringProductionHandler.class.getName());
        // global stores (dictionary, watchlist) get the same handler: a bad entry must not stop the app
        guarantees.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return guarantees;
    }
}
