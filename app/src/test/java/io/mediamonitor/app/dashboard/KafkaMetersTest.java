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
                "kafka.stream.state.block.cache.data.hit.ratio", "kafka.stream.state.compaction.time.avg", "kafka.stream.record.cache.hit.ratio.avg",
                "kafka.stream.task.process.rate", "kafka.stream.task.record.lateness.max",
                "kafka.stream.processor.node.process.rate", "kafka.stream.state.commit.rate",
                "kafka.stream.state.commit.latency.max", "kafka.stream.state.iterator.duration.avg"}) {
            assertThat(KafkaMeters.recordedAboveInfo(debug)).as(debug).isTrue();
        }
        for (String info : new String[] {"kafka.stream.thread.process.rate", "kafka.stream.alive.stream.threads",
                "kafka.stream.task.dropped.records.total", "kafka.stream.task.restore.remaining.records.total",
                "kafka.stream.processor.node.record.e2e.latency.max", "kafka.stream.state.estimate.num.keys",
                "kafka.stream.state.block.cache.usage", "kafka.stream.state.num.open.iterators",
                "kafka.stream.state.oldest.iterator.open.since.ms", "kafka.stream.thread.commit.rate",
                "kafka.stream.topic.records.consumed.total", "kafka.consumer.fetch.manager.records.lag.max"}) {
            assertThat(KafkaMeters.recordedAboveInfo(info)).as(info).isFalse();
        }
    }

    @Test
    void keepsTheRocksDbPropertiesAnOperatorWatchesAndLeavesOutItsInternals() {
        for (String internal : new String[] {"kafka.stream.state.num.immutable.mem.table",
                "kafka.stream.state.cur.size.active.mem.table", "kafka.stream.state.cur.size.all.mem.tables",
                "kafka.stream.state.num.entries.active.mem.table", "kafka.stream.state.num.deletes.imm.mem.tables",
                "kafka.stream.state.num.running.compactions", "kafka.stream.state.num.live.versions",
                "kafka.stream.state.block.cache.capacity", "kafka.stream.state.estimate.oldest.key.time",
                "kafka.stream.state.number.open.files"}) {
            assertThat(KafkaMeters.rocksDbInternals(internal)).as(internal).isTrue();
        }
        for (String watched : new String[] {"kafka.stream.state.size.all.mem.tables",
                "kafka.stream.state.block.cache.usage", "kafka.stream.state.block.cache.pinned.usage",
                "kafka.stream.state.estimate.table.readers.mem", "kafka.stream.state.total.sst.files.size",
                "kafka.stream.state.live.sst.files.size", "kafka.stream.state.estimate.num.keys",
                "kafka.stream.state.background.errors", "kafka.stream.state.mem.table.flush.pending",
                "kafka.stream.state.compaction.pending", "kafka.stream.state.estimate.pending.compaction.bytes",
                "kafka.stream.state.num.open.iterators"}) {
            assertThat(KafkaMeters.rocksDbInternals(watched)).as(watched).isFalse();
            assertThat(KafkaMeters.recordedAboveInfo(watched)).as(watched).isFalse();
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        KafkaMeters.filters().forEach(registry.config()::meterFilter);
        Gauge.builder("kafka.stream.state.num.live.versions", () -> 1).tags("task.id", "0_0",
                "rocksdb.state.id", "story-dedup").register(registry);
        Gauge.builder("kafka.stream.state.size.all.mem.tables", () -> 2048).tags("task.id", "0_0",
                "rocksdb.state.id", "story-dedup").register(registry);
        assertThat(registry.scrape()).doesNotContain("num_live_versions")
                .contains("kafka_stream_state_size_all_mem_tables{state_id=\"story-dedup\",task_id=\"0_0\"} 2048.0");
    }
}
