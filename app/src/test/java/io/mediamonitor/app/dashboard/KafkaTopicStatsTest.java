package io.mediamonitor.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class KafkaTopicStatsTest {

    @Test
    void aRequestThatWaitedForASampleIsServedThatSampleRatherThanStartAnother() throws Exception {
        // Kafka answering slowly (down, every Admin call runs to its timeout) and two browsers polling: before, the
        // request queued behind a sample found it stale already and sampled again, and answers came later and later
        java.util.concurrent.atomic.AtomicInteger samples = new java.util.concurrent.atomic.AtomicInteger();
        org.apache.kafka.clients.admin.MockAdminClient admin = new org.apache.kafka.clients.admin.MockAdminClient() {
            @Override
            public org.apache.kafka.clients.admin.ListTopicsResult listTopics(
                    org.apache.kafka.clients.admin.ListTopicsOptions options) {
                samples.incrementAndGet();
                try {
                    Thread.sleep(1_500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.listTopics(options);
            }
        };
        try (KafkaTopicStats stats = new KafkaTopicStats(admin, true, java.util.List.of("media.alerts"),
                java.time.Duration.ofSeconds(1), java.time.Clock.systemUTC())) {
            java.util.concurrent.CompletableFuture<TopicStats.Report> first =
                    java.util.concurrent.CompletableFuture.supplyAsync(stats::report);
            Thread.sleep(200);
            TopicStats.Report second = stats.report();

            assertThat(first.get()).isSameAs(second);
            assertThat(samples.get()).as("samples taken for two requests 0.2 s apart, refreshed after 1 s")
                    .isEqualTo(1);
        }
    }

    @Test
    void lagIsEndMinusCommittedSummedPerTopicAndNeverNegative() {
        TopicPartition raw0 = new TopicPartition("media.articles.raw", 0);
        TopicPartition raw1 = new TopicPartition("media.articles.raw", 1);
        TopicPartition alerts0 = new TopicPartition("media.alerts", 0);
        TopicPartition gone = new TopicPartition("media.old", 0);

        Map<String, Long> lag = KafkaTopicStats.byTopic(KafkaTopicStats.offsetGaps(
                Map.of(raw0, 90L, raw1, 40L, alerts0, 12L, gone, 5L),
                Map.of(raw0, 100L, raw1, 40L, alerts0, 10L)));

        // 10 + 0 on raw; a commit past the end (truncated log) counts as 0; unknown ends are left out
        assertThat(lag).containsExactly(Map.entry("media.alerts", 0L), Map.entry("media.articles.raw", 10L));
    }
}
