package io.mediamonitor.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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
                "group.id", "mine"), "slack");
        assertThat(config).containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "media-monitor-notify-slack")
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest")
                .containsEntry("bootstrap.servers", "h:9092");
        assertThatThrownBy(() -> NotificationChannel.consumerConfig(Map.of("bootstrap.servers", "h:9092",
                "enable.auto.commit", true), "slack"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kafka.enable.auto.commit=true");
        assertThatThrownBy(() -> NotificationChannel.consumerConfig(Map.of("bootstrap.servers", "h:9092",
                "isolation.level", "read_uncommitted"), "slack"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kafka.isolation.level");
    }
}
