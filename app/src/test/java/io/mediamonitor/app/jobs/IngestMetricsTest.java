package io.mediamonitor.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.app.dashboard.MonitorMetrics;
import io.mediamonitor.ingest.FeedFailure;
import io.mediamonitor.ingest.FeedReport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestMetricsTest {

    @Test
    void feedErrorsAreCountedByTheKindOfFailureNotByTheWordsOfTheError() {
        try (MonitorMetrics metrics = new MonitorMetrics()) {
            IngestMetrics ingest = new IngestMetrics(metrics);
            assertThat(metrics.scrape()).as("at 0 before the first poll").contains(
                    "media_monitor_articles_published_total 0.0",
                    "media_monitor_feed_errors_total{reason=\"network\"} 0.0");
            // before: read from the error's words, so "connection refused" was "other", and a refused address
            // whose host name held "xml" was "parse"
            ingest.feedPolled(failed("connection refused", null, FeedFailure.NETWORK));
            ingest.feedPolled(failed("refused: xml.intra.example resolves to 10.0.0.5", null, FeedFailure.REFUSED));
            ingest.feedPolled(failed("HTTP 503", 503, FeedFailure.HTTP_5XX));
            ingest.feedPolled(new FeedReport("https://ok.example/rss", true, false, 200, 20, 3, null,
                    Duration.ofMillis(5), null));

            assertThat(metrics.feedErrors("network").count()).isEqualTo(1);
            assertThat(metrics.feedErrors("refused").count()).isEqualTo(1);
            assertThat(metrics.feedErrors("http_5xx").count()).isEqualTo(1);
            assertThat(metrics.feedErrors("parse").count()).isZero();
            assertThat(metrics.articlesPublished().count()).isEqualTo(3);
        }
    }

    private static FeedReport failed(String error, Integer status, FeedFailure failure) {
        return new FeedReport("https://feed.example/rss", false, false, status, 0, 0, error, Duration.ofMillis(5),
                failure);
    }
}
