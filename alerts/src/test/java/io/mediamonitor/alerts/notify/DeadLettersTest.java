package io.mediamonitor.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void keepsTheOriginalBytesAndSaysWhereTheyCameFromAndWhy() {
        byte[] key = "actor:aes".getBytes(StandardCharsets.UTF_8);
        byte[] value = {(byte) 0xC3, 0x01, 1, 2, 3};
        ConsumerRecord<byte[], byte[]> source = new ConsumerRecord<>("media.alerts", 2, 41L, key, value);
        source.headers().add("trace", "t1".getBytes(StandardCharsets.UTF_8));

        ProducerRecord<byte[], byte[]> dead = DeadLetters.of("media.deadletter", source, "webhook",
                "delivery failed after 5 attempt(s): HTTP 500");

        assertThat(dead.topic()).isEqualTo("media.deadletter");
        assertThat(dead.key()).isEqualTo(key);
        assertThat(dead.value()).isEqualTo(value);
        assertThat(DeadLetters.header(dead.headers(), "reason")).isEqualTo("delivery failed after 5 attempt(s): HTTP 500");
        assertThat(DeadLetters.header(dead.headers(), "source.topic")).isEqualTo("media.alerts");
        assertThat(DeadLetters.header(dead.headers(), "source.partition")).isEqualTo("2");
        assertThat(DeadLetters.header(dead.headers(), "source.offset")).isEqualTo("41");
        assertThat(DeadLetters.header(dead.headers(), "channel")).isEqualTo("webhook");
        assertThat(DeadLetters.header(dead.headers(), "trace")).isEqualTo("t1");
    }

    @Test
    void veryLongReasonsAreCut() {
        ConsumerRecord<byte[], byte[]> source = new ConsumerRecord<>("t", 0, 0L, null, new byte[0]);
        ProducerRecord<byte[], byte[]> dead = DeadLetters.of("dlq", source, "email", "x".repeat(10_000));
        assertThat(DeadLetters.header(dead.headers(), "reason")).hasSize(DeadLetters.REASON_MAX);
    }

    @Test
    void channelConsumersReadCommittedWithoutAutoCommitAndRefuseASettingThatSaysOtherwise() {
        Map<String, Object> config = NotificationChannel.consumerConfig(Map.of("bootstrap.servers", "h:9092",
                "group.id", "mine"), "slack", Duration.ZERO);
        assertThat(config).containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "media-monitor-notify-slack")
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest")
                .containsEntry("bootstrap.servers", "h:9092");
        assertThatThrownBy(() -> NotificationChannel.consumerConfig(Map.of("bootstrap.servers", "h:9092",
                "enable.auto.commit", true), "slack", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kafka.enable.auto.commit=true");
        assertThatThrownBy(() -> NotificationChannel.consumerConfig(Map.of("bootstrap.servers", "h:9092",
                "isolation.level", "read_uncommitted"), "slack", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kafka.isolation.level");
    }

    @Test
    void aChannelPollsWithinItsLongestDeliveryOrKafkasIntervalWhicheverIsLonger() {
        // 20 attempts of 10 s with pauses of up to 30 s: 529 s, with a minute for the dead letter and the commit
        Duration longest = new RetryPolicy(20, Duration.ofSeconds(1), Duration.ofSeconds(30))
                .longestDelivery(Duration.ofSeconds(10));
        assertThat(longest).isEqualTo(Duration.ofSeconds(20 * 10 + 19 * 30));
        assertThat(NotificationChannel.consumerConfig(Map.of("bootstrap.servers", "h:9092"), "webhook", longest))
                .containsEntry(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) longest.plusMinutes(1).toMillis());
        // a short delivery keeps Kafka's own 5 minutes, and an operator's longer setting stands
        assertThat(NotificationChannel.consumerConfig(Map.of("bootstrap.servers", "h:9092"), "webhook",
                RetryPolicy.DEFAULT.longestDelivery(Duration.ofSeconds(10))))
                .containsEntry(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300_000);
        assertThat(NotificationChannel.consumerConfig(Map.of("bootstrap.servers", "h:9092",
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, "3600000"), "webhook", longest))
                .containsEntry(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 3_600_000);
    }
}
