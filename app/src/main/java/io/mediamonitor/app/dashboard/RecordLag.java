package io.mediamonitor.app.dashboard;

import io.mediamonitor.kafka.ClientConfigs;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A group's lag in records, not offsets. Every exactly-once commit writes a transaction marker that takes an
 * offset and that no consumer ever reads, so a group that has read everything stays an offset or two behind the
 * end of each partition a transaction wrote to, for ever. Where the gap is small, the records in it are counted,
 * as a committed-only reader sees them; a large gap is mostly records, and is given as it is.
 */
final class RecordLag implements AutoCloseable {

    /** Gaps up to this many offsets per partition are read and counted. */
    static final long COUNTED_UP_TO = 100;
    private static final Duration READ_FOR = Duration.ofSeconds(2);

    private final KafkaConsumer<byte[], byte[]> consumer;

    RecordLag(Map<String, Object> clientConfig) {
        this.consumer = new KafkaConsumer<>(ClientConfigs.reader(clientConfig, "media-monitor-dashboard-lag", true),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Records between each committed offset and its partition's end; the offsets where the gap is large. */
    synchronized Map<TopicPartition, Long> of(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> lag = new HashMap<>();
        Map<TopicPartition, Long> toCount = new HashMap<>();
        committed.forEach((partition, from) -> {
            Long end = ends.get(partition);
            if (end == null) {
                return;
            }
            long gap = Math.max(0, end - from);
            lag.put(partition, gap);
            if (gap > 0 && gap <= COUNTED_UP_TO) {
                toCount.put(partition, from);
            }
        });
        if (!toCount.isEmpty()) {
            lag.putAll(count(toCount, ends));
        }
        return lag;
    }

    private Map<TopicPartition, Long> count(Map<TopicPartition, Long> from, Map<TopicPartition, Long> ends) {
        consumer.assign(from.keySet());
        from.forEach(consumer::seek);
        Map<TopicPartition, Long> records = new HashMap<>();
        from.keySet().forEach(partition -> records.put(partition, 0L));
        long deadline = System.nanoTime() + READ_FOR.toNanos();
        while (!from.keySet().stream().allMatch(p -> consumer.position(p) >= ends.get(p))
                && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < ends.get(partition)) {
                    records.merge(partition, 1L, Long::sum);
                }
            }
        }
        // a partition not read to its end in time (an open transaction holds it back): what is left counts too
        from.keySet().forEach(partition -> records.merge(partition,
                Math.max(0, ends.get(partition) - consumer.position(partition)), Long::sum));
        consumer.assign(java.util.List.of());
        return records;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
