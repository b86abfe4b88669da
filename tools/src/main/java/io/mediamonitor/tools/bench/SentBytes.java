package io.mediamonitor.tools.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Bytes the producers of this process sent per topic: the benchmark's raw producer and every producer of the jobs
 * under test (their outputs, repartitions and changelogs), from the producers' own {@code producer-topic-metrics}
 * {@code byte-total}, the batches as sent (compressed), once per record whatever the replication. Not the brokers'
 * log sizes: Streams purges its repartition topics as it commits, and a purged segment deleted between two
 * readings would turn what was written into less than nothing.
 */
final class SentBytes {

    private static final String GROUP = "producer-topic-metrics";
    private static final String BYTES = "byte-total";

    private final List<Supplier<Map<MetricName, ? extends Metric>>> producers;

    SentBytes(List<Supplier<Map<MetricName, ? extends Metric>>> producers) {
        this.producers = producers;
    }

    /** Bytes sent so far per topic, all producers summed. */
    Map<String, Long> byTopic() {
        Map<String, Long> sent = new TreeMap<>();
        for (Supplier<Map<MetricName, ? extends Metric>> producer : producers) {
            producer.get().forEach((name, metric) -> {
                if (GROUP.equals(name.group()) && BYTES.equals(name.name()) && name.tags().containsKey("topic")
                        && metric.metricValue() instanceof Number bytes) {
                    sent.merge(name.tags().get("topic"), bytes.longValue(), Long::sum);
                }
            });
        }
        return sent;
    }
}
