package io.mediamonitor.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.kafka.DeadLetterCount;
import org.junit.jupiter.api.Test;

class MonitorMetricsTest {

    @Test
    void deadLettersAreCountedByTheirSourceFromZero() {
        try (MonitorMetrics metrics = new MonitorMetrics()) {
            metrics.expectDeadLettersFrom(java.util.List.of("media.articles.raw", "media.dictionary"));
            assertThat(metrics.scrape()).contains(
                    "media_monitor_records_deadlettered_total{source=\"media.articles.raw\"} 0.0",
                    "media_monitor_records_deadlettered_total{source=\"media.dictionary\"} 0.0");

            // as the Streams handlers and the notification channels report each letter
            DeadLetterCount.written("media.articles.raw");
            DeadLetterCount.written("media.articles.raw");

            assertThat(metrics.recordsDeadLettered("media.articles.raw").count()).isEqualTo(2);
            assertThat(metrics.recordsDeadLettered("media.dictionary").count()).isZero();
        }
    }
}
