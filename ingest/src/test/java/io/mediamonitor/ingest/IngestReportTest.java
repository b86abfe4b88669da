package io.mediamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestReportTest {

    @Test
    void theReportNamesEachFailedFeedAndWhy() {
        IngestReport report = new IngestReport(List.of(
                new FeedReport("https://ok.example/rss", true, false, 200, 20, 3, null, Duration.ofMillis(40), null),
                new FeedReport("https://gone.example/rss", false, false, 404, 0, 0, "HTTP 404", Duration.ofMillis(9),
                        FeedFailure.HTTP_4XX),
                new FeedReport("https://down.example/rss", false, false, null, 0, 0, "connection refused",
                        Duration.ofMillis(2), FeedFailure.NETWORK)));

        assertThat(report.toString()).isEqualTo("""
                3 feeds, 2 failed, 3 new articles
                  failed: https://gone.example/rss (HTTP 404): HTTP 404
                  failed: https://down.example/rss: connection refused""");
    }
}
