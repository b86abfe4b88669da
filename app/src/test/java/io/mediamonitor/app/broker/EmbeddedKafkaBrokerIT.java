package io.mediamonitor.app.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediamonitor.app.config.ConfigException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

    @TempDir
    Path dataDir;

    @Test
    void aRestartOnTheSameDataDirKeepsTopicsRecordsAndOffsets() throws Exception {
        TopicPartition partition = new TopicPartition("restart.check", 0);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(partition.topic(), 1, (short) 1))).all().get();
            }
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(partition.topic(), "k", "kept")).get();
            }
            try (var consumer = consumer(broker)) {
                consumer.commitSync(Map.of(partition, new OffsetAndMetadata(1)));
            }
        }

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0);
             var consumer = consumer(broker)) {
            assertThat(consumer.committed(java.util.Set.of(partition)).get(partition).offset()).isEqualTo(1);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(10));
            assertThat(records.records(partition)).extracting(r -> r.value()).containsExactly("kept");
        }
    }

    @Test
    void aSecondBrokerOnADataDirInUseIsRefusedBeforeItTouchesIt() throws Exception {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dataDir, 0)) {
            // a second controller on the directory bumped the leader epoch here before Kafka's own lock stopped it
            Path quorumState = dataDir.resolve("kafka").resolve("__cluster_metadata-0").resolve("quorum-state");
            String quorum = java.nio.file.Files.readString(quorumState);

            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir, 0))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("the data directory " + dataDir.toAbsolutePath() + " is in use by another embedded"
                            + " broker (" + first.bootstrapServers() + "): connect to it with --bootstrap-servers "
                            + first.bootstrapServers() + ", or use another --data-dir");

            assertThat(java.nio.file.Files.readString(quorumState)).as("the quorum state, untouched").isEqualTo(quorum);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", first.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("still.serving", 1, (short) 1))).all()
                        .get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
        // released with the broker: the directory is free again
        try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.start(dataDir, 0);
             Admin admin = Admin.create(Map.of("bootstrap.servers", again.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get(30, java.util.concurrent.TimeUnit.SECONDS)).contains("still.serving");
        }
    }

    private static KafkaConsumer<String, String> consumer(EmbeddedKafkaBroker broker) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "restart-check"),
                new StringDeserializer(), new StringDeserializer());
    }
}
