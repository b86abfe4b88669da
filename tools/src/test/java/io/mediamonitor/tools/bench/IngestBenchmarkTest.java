package io.mediamonitor.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The benchmark's plumbing on a handful of feeds: counts only, never timings. */
class IngestBenchmarkTest {

    @Test
    void pollsEveryFeedThroughTheRealPathAndPrintsTheFigures() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        IngestBenchmark.Result result = IngestBenchmark.run(40, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        assertThat(result.feeds()).isEqualTo(40);
        assertThat(result.ok()).isEqualTo(40);
        assertThat(result.notModified()).isEqualTo(20);
        assertThat(result.articles()).isEqualTo(20L * 20);
        assertThat(result.peakHeapBytes()).isPositive();
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("feeds/s").contains("articles/s").contains("peak heap");
    }
}
