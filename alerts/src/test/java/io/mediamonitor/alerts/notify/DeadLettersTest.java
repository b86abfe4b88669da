package io.mediamonitor.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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
        // 20 attempts of 10 s with pauses of up to 30 s: 770 s, and 3 minutes for the dead letter and the commit
        Duration longest = new RetryPolicy(20, Duration.ofSeconds(1), Duration.ofSeconds(30))
                .longestDelivery(Duration.ofSeconds(10));
        assertThat(longest).isEqualTo(Duration.ofSeconds(770));
        assertThat(NotificationChannel.consumerConfig(Map.of("bootstrap.servers", "h:9092"), "webhook", longest))
                .containsEntry(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 950_000);
        assertThat(NotificationChannel.consumerConfig(Map.of("bootstrap.servers", "h:9092"), "webhook",
                Duration.ofDays(30))).containsEntry(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, Integer.MAX_VALUE);
        // a short delivery keeps Kafka's own 5 minutes, and an operator's longer setting stands
        assertThat(NotificationChannel.consumerConfig(Map.of("bootstrap.servers", "h:9092"), "webhook",
                Duration.ofSeconds(100))).containsEntry(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300_000);
        assertThat(NotificationChannel.consumerConfig(Map.of("bootstrap.servers", "h:9092",
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, " 3600000"), "webhook", longest))
                .containsEntry(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 3_600_000);
    }

    @Test
    void eachNotifierSaysHowLongOneAttemptMayTake() {
        assertThat(new WebhookNotifier(URI.create("http://127.0.0.1:1/"), Duration.ofSeconds(7), Map.of())
                .attemptLimit()).isEqualTo(Duration.ofSeconds(7));
        assertThat(new SlackNotifier(URI.create("http://127.0.0.1:1/"), Duration.ofSeconds(7)).attemptLimit())
                .isEqualTo(Duration.ofSeconds(7));
        // 7 replies, 3 for STARTTLS, 3 for AUTH LOGIN and one per recipient
        EmailSettings email = new EmailSettings("smtp.example.org", 587, "me", "secret", "alerts@example.org",
                List.of("a@example.org", "b@example.org"), true, false, Duration.ofSeconds(30));
        assertThat(new EmailNotifier(email).attemptLimit()).isEqualTo(Duration.ofSeconds(30 * 15));
        assertThat(ConsoleNotifier.toLog().attemptLimit()).isZero();
    }
}
