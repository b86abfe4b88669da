package io.mediamonitor.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class KafkaTopicStatsTest {

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
