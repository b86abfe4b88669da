package io.mediamonitor.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class KafkaMetersTest {

    @Test
    void storesOfEveryTypeAreExportedUnderOneTagKey() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        KafkaMeters.filters().forEach(registry.config()::meterFilter);

        Gauge.builder("kafka.stream.state.estimate.num.keys", () -> 12).tags("task.id", "0_0",
                "rocksdb.state.id", "story-dedup").register(registry);
        Gauge.builder("kafka.stream.state.estimate.num.keys", () -> 34).tags("task.id", "1_0",
                "rocksdb.window.state.id", "mention-windows").register(registry);

        assertThat(registry.scrape())
                .contains("kafka_stream_state_estimate_num_keys{state_id=\"story-dedup\",task_id=\"0_0\"} 12.0")
                .contains("kafka_stream_state_estimate_num_keys{state_id=\"mention-windows\",task_id=\"1_0\"} 34.0");
    }

    @Test
    void leavesOutWhatKafkaRecordsOnlyAtDebugOrTraceLevel() {
        for (String debug : new String[] {"kafka.stream.state.put.rate", "kafka.stream.state.all.latency.avg",
                "kafka.stream.state.restore.latency.max", "kafka.stream.state.record.e2e.latency.avg",
                "kafka.stream.state.bytes.written.total", "kafka.stream.state.memtable.hit.ratio",
                "kafka.stream.state.block.cache.data.hit.ratio", "kafka.stream.record.cache.hit.ratio.avg",
                "kafka.stream.task.process.rate", "kafka.stream.task.record.lateness.max",
                "kafka.stream.processor.node.process.rate"}) {
            assertThat(KafkaMeters.recordedAboveInfo(debug)).as(debug).isTrue();
        }
        for (String info : new String[] {"kafka.stream.thread.process.rate", "kafka.stream.alive.stream.threads",
                "kafka.stream.task.dropped.records.total", "kafka.stream.task.restore.remaining.records.total",
                "kafka.stream.processor.node.record.e2e.latency.max", "kafka.stream.state.estimate.num.keys",
                "kafka.stream.state.block.cache.usage", "kafka.stream.state.num.open.iterators",
                "kafka.stream.topic.records.consumed.total", "kafka.consumer.fetch.manager.records.lag.max"}) {
            assertThat(KafkaMeters.recordedAboveInfo(info)).as(info).isFalse();
        }
    }
}
