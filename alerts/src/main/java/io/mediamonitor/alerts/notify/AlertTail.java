package io.mediamonitor.alerts.notify;

import io.mediamonitor.kafka.TopicFollower;
import io.mediamonitor.model.Alert;
import io.mediamonitor.schema.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code media-monitor alerts tail}: prints alerts as they arrive, readable
 * ({@link AlertFormatter#summary}) or as JSON lines ({@link AlertJson}). It reads with the project's
 * {@link TopicFollower} (committed records, no group), so it commits nothing and never disturbs the notification
 * channels' offsets. Partitions are those of the topic at start.
 */
public final class AlertTail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertTail.class);

    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> clientConfig;
    private final String topic;
    private final Deserializer<Alert> values;
    private volatile TopicFollower<byte[], byte[]> follower;
    private volatile boolean stopped;

    public AlertTail(Map<String, Object> clientConfig, Topics topics) {
        this.clientConfig = clientConfig;
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
        TopicFollower.Builder<byte[], byte[]> reader = TopicFollower.bytes(clientConfig, topic)
                .clientId(String.valueOf(clientConfig.getOrDefault("client.id", "media-monitor-alerts-tail")));
        follower = (fromBeginning ? reader : reader.fromEnd()).build();
        int printed = 0;
        long lastAlert = System.nanoTime();
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
        try {
            while (!stopped) {
                batch.clear();
                follower.poll(POLL, batch::add);
                for (ConsumerRecord<byte[], byte[]> record : batch) {
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
        TopicFollower<byte[], byte[]> reading = follower;
        if (reading != null) {
            reading.wakeup();
        }
    }

    @Override
    public void close() {
        if (follower != null) {
            follower.close();
        }
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
