package io.mediamonitor.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a whole topic as a downstream consumer sees it (committed records only), from the
 * beginning to the end offsets it has when the read starts: what tests assert "nothing lost,
 * nothing doubled" against. No consumer group, so it never disturbs the jobs under test. It fails at its
 * deadline rather than return part of the topic.
 */
public final class TopicReader {

    private TopicReader() {
    }

    public static <K, V> List<ConsumerRecord<K, V>> readToEnd(String bootstrapServers, String topic,
                                                               Deserializer<K> keys, Deserializer<V> values,
                                                               Duration timeout) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    // a partial read would pass for lost records: fail loudly instead
                    throw new AssertionError("could not read " + topic + " to its end offsets " + end + " within "
                            + timeout + "; read " + records.size() + " records, at " + partitions.stream()
                            .map(p -> p.partition() + ":" + consumer.position(p)).toList());
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
