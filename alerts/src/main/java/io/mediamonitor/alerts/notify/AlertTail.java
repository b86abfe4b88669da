package io.mediamonitor.alerts.notify;

import io.mediamonitor.model.Alert;
import io.mediamonitor.schema.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code media-monitor alerts tail}: prints alerts as they arrive, readable
 * ({@link AlertFormatter#summary}) or as JSON lines ({@link AlertJson}). It reads with
 * read_committed and assign + seek, without a group id, so it commits nothing and never disturbs
 * the notification channels' offsets. Partitions are those of the topic at start.
 */
public final class AlertTail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertTail.class);

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Deserializer<Alert> values;
    private volatile boolean stopped;

    public AlertTail(Map<String, Object> clientConfig, Topics topics) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a typo in the topic prefix must fail loudly, not create an empty topic
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "media-monitor-alerts-tail");
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topics.alerts().name();
        this.values = topics.alerts().valueSerde().deserializer();
    }

    /**
     * Tails the alert topic and returns how many alerts it printed.
     *
     * @param json          one compact JSON object per line instead of the readable summary
     * @param fromBeginning start at the oldest alert kept, else at the end (only new alerts)
     * @param max           stop after this many alerts; null for no limit
     * @param idleTimeout   stop once no alert came for this long (counted from the start, then
     *                      from the last alert); null to run until {@code max} or {@link #stop()}
     * @param out           where alerts go (flushed after each)
     */
    public static int run(Map<String, Object> clientConfig, Topics topics, boolean json, boolean fromBeginning,
                          Integer max, Duration idleTimeout, PrintStream out) {
        try (AlertTail tail = new AlertTail(clientConfig, topics)) {
            return tail.tail(json, fromBeginning, max, idleTimeout, out);
        }
    }

    /** As {@link #run}, on this instance, so another thread (a Ctrl-C hook) can {@link #stop()} it. */
    public int tail(boolean json, boolean fromBeginning, Integer max, Duration idleTimeout, PrintStream out) {
        if (max != null && max <= 0) {
            return 0;
        }
        List<TopicPartition> partitions = partitions();
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        // resolve the lazy seeks now: alerts written from here on are printed, none skipped
        partitions.forEach(consumer::position);

        int printed = 0;
        long lastAlert = System.nanoTime();
        try {
            while (!stopped) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    Alert alert = decode(record);
                    if (alert == null) {
                        continue;
                    }
                    out.println(json ? AlertJson.toJsonString(alert) : AlertFormatter.summary(alert));
                    out.flush();
                    printed++;
                    lastAlert = System.nanoTime();
                    if (max != null && printed >= max) {
                        return printed;
                    }
                }
                if (idleTimeout != null && System.nanoTime() - lastAlert >= idleTimeout.toNanos()) {
                    return printed;
                }
            }
        } catch (WakeupException e) {
            // stop() from another thread
        }
        return printed;
    }

    /** Ends a running {@link #tail} from another thread; it returns the count printed so far. */
    public void stop() {
        stopped = true;
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }

    private List<TopicPartition> partitions() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist (run `media-monitor topics --create`?)");
        }
        return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private Alert decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            return values.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            log.warn("Skipping undecodable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return null;
        }
    }
}
