package io.mediamonitor.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.testing.KafkaTestCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The whole benchmark, tiny, on a real broker: every measure gets a figure, and the figures come from
 * the jobs' output (no enriched articles, no counts or no alerts, no figure).
 */
class PipelineBenchmarkIT {

    @Test
    void measuresEveryFigureOnARealBroker() throws Exception {
        // 10 articles an hour: the first 300 articles cover 30 simulated hours, enough for the detector to have
        // counted the day it needs before it alerts; then the latency phase's 300, with a burst on a new keyword
        // every 50 (5 hours), and a soak of 300, its sender at most 30 articles ahead of the enriched topic
        PipelineOptions options = new PipelineOptions(0, 300, 100, Duration.ofSeconds(3), 10, 300, 42,
                Duration.ofSeconds(90), "test broker");
        PipelineReport report;
        try (KafkaTestCluster kafka = KafkaTestCluster.singleBroker()) {
            report = PipelineBenchmark.run(options, PipelineSettings.defaults(), kafka.clientConfig(), System.err);
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        String text = printed.toString(StandardCharsets.UTF_8);
        System.out.println(text);

        assertThat(report.baseline().complete()).isTrue();
        assertThat(report.baseline().perSecond()).isPositive();
        assertThat(report.streamsBaseline().complete()).isTrue();
        assertThat(report.streamsBaseline().done()).as("every article copied by the exactly-once job, once")
                .isEqualTo(300);
        assertThat(report.streamsBaseline().perSecond()).isPositive();
        ThroughputPhase.Result throughput = report.throughput();
        assertThat(throughput.enriched().complete()).isTrue();
        assertThat(throughput.enriched().done()).isEqualTo(300);
        assertThat(throughput.windowArticles()).as("window slots counted by enrich: six per article, late ones too")
                .isEqualTo(PipelineSettings.defaults().windowsPerArticle() * 300L);
        assertThat(throughput.mentions().complete()).isTrue();
        assertThat(throughput.mentions().perSecond()).isPositive();
        assertThat(throughput.alerts().complete()).isTrue();
        assertThat(throughput.alerts().perSecond()).isPositive();
        LatencyPhase.Result latency = report.latency();
        assertThat(latency.enriched().count()).isEqualTo(latency.sent()).isEqualTo(300);
        assertThat(latency.enriched().millisAt(50)).isPositive();
        assertThat(latency.counts().count()).as("counts traced back to their newest article")
                .isPositive().isLessThanOrEqualTo(latency.sent());
        assertThat(latency.alerts().count()).as("alerts traced back to their article").isPositive();
        assertThat(latency.alerts().millisAt(99)).isPositive();
        SoakPhase.Result soak = report.soak();
        assertThat(soak.complete()).as("the paced sender let the soak finish").isTrue();
        assertThat(soak.tenths()).hasSize(10).allSatisfy(tenth -> assertThat(tenth.perSecond()).isPositive());
        assertThat(soak.cpuMicrosPerTenth()).as("CPU per article of each tenth").hasSize(10)
                .allSatisfy(micros -> assertThat(micros).isPositive().isFinite());
        assertThat(report.peakHeapBytes()).isPositive();
        assertThat(report.bytesPerArticle()).isPositive();
        assertThat(report.offsetsPerArticle()).as("the raw and enriched records and the repartitions' besides")
                .isGreaterThan(3);
        assertThat(text).contains("300 articles", "raw Kafka", "Kafka Streams alone", "raw → enriched", "raw → mentions",
                "alerts caught up",
                "latency raw → enriched", "latency article → its first mention count", "latency article → alert",
                "peak heap", "garbage collection pauses", "bytes written per article",
                "records written per article",
                ".articles.raw", "soak, 300 articles", "soak: CPU per article, first → last tenth",
                "soak: throughput, least-squares line over the tenths",
                "soak: CPU per article, least-squares line over the tenths");
        assertThat(text).as("the compilers' CPU apart where Linux lists it")
                .contains(ThreadsByName.compilers().cpuNanos() >= 0 ? "JIT compilers" : "GC, JIT, native");
        boolean rocksDbListed = ThreadsByName.rocksDb().cpuNanos() >= 0; // its pools outlive the jobs' stores
        if (rocksDbListed) {
            assertThat(text).as("RocksDB's flush and compaction apart where Linux lists its threads")
                    .contains("RocksDB flush and compaction");
        } else {
            assertThat(text).doesNotContain("RocksDB flush and compaction");
        }
        assertThat(text).as("alerts opened on the keywords the latency phase bursts on").contains("keyword:");
        Matcher explained = Pattern.compile(
                "Of the ([0-9,]+) opened alerts timed, ([0-9,]+) list their triggering article").matcher(text);
        assertThat(explained.find()).as("how many opened alerts list their triggering article").isTrue();
        int timed = Integer.parseInt(explained.group(1).replace(",", ""));
        int listing = Integer.parseInt(explained.group(2).replace(",", ""));
        assertThat(timed).as("opened alerts timed").isPositive();
        assertThat(listing).as("of those, listing their triggering article").isBetween(1, timed);
    }
}
