package io.mediamonitor.tools.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a whole topic as a downstream consumer would (committed records only) and counts its records and distinct
 * keys: with one record per article id, records = distinct = sent means nothing lost and nothing doubled.
 */
final class ExactnessCheck {

    /** @param complete false when the topic could not be read to its end before the deadline */
    record Result(long records, long distinct, long expected, boolean complete) {

        boolean exact() {
            return complete && records == expected && distinct == expected;
        }

        String describe() {
            return String.format("%,d records, %,d distinct article ids, of %,d articles sent: %s", records, distinct,
                    expected, !complete ? "the topic could not be read to its end in time"
                            : exact() ? "nothing lost, nothing doubled"
                            : (expected - distinct) + " lost, " + (records - distinct) + " doubled");
        }
    }

    private ExactnessCheck() {
    }

    static Result scan(Map<String, Object> clientConfig, String topic, long expected, Duration timeout) {
        Set<String> ids = new HashSet<>();
        long records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = BenchClients.committedReader(clientConfig, "bench-exactness")) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Deadline deadline = Deadline.after(timeout);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (deadline.passed()) {
                    return new Result(records, ids.size(), expected, false);
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    ids.add(new String(record.key(), StandardCharsets.UTF_8));
                }
            }
        }
        return new Result(records, ids.size(), expected, true);
    }
}
