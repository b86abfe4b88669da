package io.mediamonitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsDefaultsTest {

    @Test
    void exactlyOnceAndTheDeadLetterHandlersAreAlwaysOn() {
        Properties props = StreamsDefaults.base("app", Map.of("bootstrap.servers", "b:9092"), "media.deadletter", "/s");

        assertThat(props).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "media.deadletter")
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetteringDeserializationHandler.class.getName())
                .containsEntry(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetteringProductionHandler.class.getName())
                .containsEntry("bootstrap.servers", "b:9092");
        // the configuration Streams itself builds from them is valid
        assertThat(new StreamsConfig(props).getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void aUserSettingThatWouldTurnExactlyOnceOffIsRefused() {
        assertThatThrownBy(() -> StreamsDefaults.base("app",
                Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE), "dlq", "/s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kafka.processing.guarantee=at_least_once is not allowed");
    }

    @Test
    void aClientSettingExactlyOnceForbidsIsRefusedByItsKeyWhateverItsPrefix() {
        for (String[] setting : new String[][] {{"producer.acks", "1"}, {"acks", "0"},
                {"main.consumer.isolation.level", "read_uncommitted"}, {"enable.idempotence", "false"}}) {
            assertThatThrownBy(() -> StreamsDefaults.base("app", Map.of(setting[0], setting[1]), "dlq", "/s"))
                    .as(setting[0]).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("kafka." + setting[0] + "=" + setting[1] + " is not allowed: media-monitor's"
                            + " Streams jobs run exactly-once, which needs ");
        }
        // the values exactly-once sets itself pass, in either spelling
        StreamsDefaults.base("app", Map.of("producer.acks", "-1", "acks", "all", "consumer.isolation.level",
                "read_committed"), "dlq", "/s");
    }

    @Test
    void tunablesGiveWayToTheUsersSettings() {
        Properties props = StreamsDefaults.base("app",
                Map.of(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd",
                        StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2), "dlq", "/s");

        assertThat(props).containsEntry(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
    }

    @Test
    void theMainConsumerFailsOverInSecondsAsAStaticMember() {
        Properties props = StreamsDefaults.base("app", Map.of("bootstrap.servers", "b:9092"), "dlq", "/state/a");

        Map<String, Object> consumer = new StreamsConfig(props).getMainConsumerConfigs("app", "app-1", 0);

        assertThat(consumer).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, StreamsDefaults.SESSION_TIMEOUT_MS)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, StreamsDefaults.SESSION_TIMEOUT_MS / 3);
        assertThat((String) consumer.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)).startsWith("app-")
                .isNotEqualTo(StreamsDefaults.instanceId("app", "/state/b") + "-0");
    }

    @Test
    void aUsersPlainKafkaSettingReplacesTheDefaultsForEveryClient() {
        Properties props = StreamsDefaults.base("app", Map.of("bootstrap.servers", "b:9092",
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 30_000, ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 10_000,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd"), "dlq", "/state/a");
        StreamsConfig config = new StreamsConfig(props);

        assertThat(config.getMainConsumerConfigs("app", "app-1", 0))
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 30_000);
        assertThat(config.getProducerConfigs("app-1-producer"))
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    }

    @Test
    void theJobsProducersBatchWhatACommitSendsUnlessTheUserSaysOtherwise() {
        StreamsConfig ours = new StreamsConfig(StreamsDefaults.base("app", Map.of("bootstrap.servers", "b:9092"),
                "dlq", "/state/a"));
        StreamsConfig users = new StreamsConfig(StreamsDefaults.base("app", Map.of("bootstrap.servers", "b:9092",
                ProducerConfig.BATCH_SIZE_CONFIG, 16_384), "dlq", "/state/a"));

        assertThat(ours.getProducerConfigs("app-1-producer"))
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, ClientConfigs.PRODUCER_BATCH_BYTES);
        assertThat(users.getProducerConfigs("app-1-producer")).containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 16_384);
    }
}
