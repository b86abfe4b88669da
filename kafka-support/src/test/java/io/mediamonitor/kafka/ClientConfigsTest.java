package io.mediamonitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ClientConfigsTest {

    private static final Map<String, Object> USER = Map.of("bootstrap.servers", "b:9092",
            ProducerConfig.LINGER_MS_CONFIG, 5, ConsumerConfig.GROUP_ID_CONFIG, "left-over");

    @Test
    void aProducerTakesTheUsersTuningButNotLessThanIdempotenceAndEveryReplica() {
        Map<String, Object> producer = ClientConfigs.producer(USER, "ingest");

        assertThat(producer).containsEntry("bootstrap.servers", "b:9092")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, ClientConfigs.PRODUCER_BATCH_BYTES)
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "ingest")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all");
        assertThat(ClientConfigs.producer(Map.of(ProducerConfig.ACKS_CONFIG, "-1"), null))
                .as("-1 is all; no client id lets Kafka number it")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all").doesNotContainKey(ProducerConfig.CLIENT_ID_CONFIG);
        assertThatThrownBy(() -> ClientConfigs.producer(Map.of(ProducerConfig.ACKS_CONFIG, "1"), "ingest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kafka.acks=1 is not allowed: media-monitor's producers run with acks=all, which their "
                        + "guarantees rest on");
    }

    @Test
    void aReaderHasNoGroupAndSeesCommittedRecordsUnlessToldOtherwise() {
        Map<String, Object> reader = ClientConfigs.reader(USER, "follower", true);

        assertThat(reader).doesNotContainKeys(ConsumerConfig.GROUP_ID_CONFIG, ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        assertThat(ClientConfigs.reader(USER, "follower", false))
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        assertThatThrownBy(() -> ClientConfigs.reader(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_uncommitted"), "follower", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kafka.isolation.level");
    }

    @Test
    void aGroupMemberFailsOverInSecondsAndCommitsItself() {
        Map<String, Object> member = ClientConfigs.member(USER, "media-monitor-notify-console", "console",
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1));

        assertThat(member).containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "media-monitor-notify-console")
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, StreamsDefaults.SESSION_TIMEOUT_MS)
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1)
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        assertThat(ClientConfigs.member(Map.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 30_000), "g", "c", Map.of()))
                .as("a tunable the user sets").containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 30_000);
        assertThatThrownBy(() -> ClientConfigs.member(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true"),
                "g", "c", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kafka.enable.auto.commit=true");
    }
}
