package io.mediamonitor.alerts.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediamonitor.kafka.DeadLetters;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.KafkaTestCluster;
import io.mediamonitor.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.StoreQueryParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unreadable entries on the two topics alerts reads whole as tables, media.watchlist and media.mentions.totals, one
 * written before the job starts and one while it runs: each is dead-lettered once and kept out of the store (before,
 * the one read at start was copied into the store as it was, for every reader of its key to fail on), and the job
 * runs on.
 */
class GlobalTablePoisonIT {

    private static KafkaTestCluster kafka;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaTestCluster.singleBroker();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void unreadableWatchlistAndTotalsEntriesAreDeadLetteredAndTheJobRuns() throws Exception {
        Topics topics = new Topics("alerts-global-poison.", 2);
        try (Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, (short) 1).ensure(topics);
        }
        poison(topics.watchlist().name(), "actor:before");
        poison(topics.mentionTotals().name(), "1767225600000");
        try (AlertService service = new AlertService(topics, AlertSettings.defaults(),
                Map.of("bootstrap.servers", kafka.bootstrapServers()), "alerts-global-poison", stateDir.toString())) {
            service.start();
            assertThat(service.awaitRunning(Duration.ofSeconds(60))).as("the job runs").isTrue();
            poison(topics.watchlist().name(), "actor:while");

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> read(topics.deadLetter().name()).size() >= 3);

            List<ConsumerRecord<String, byte[]>> dead = read(topics.deadLetter().name());
            assertThat(dead).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder("actor:before", "1767225600000", "actor:while");
            assertThat(dead).extracting(letter -> header(letter, DeadLetters.TOPIC)).containsExactlyInAnyOrder(
                    topics.watchlist().name(), topics.mentionTotals().name(), topics.watchlist().name());
            var watchlist = service.streams().store(StoreQueryParameters.fromNameAndType(
                    AlertTopology.WATCHLIST_STORE, QueryableStoreTypes.keyValueStore()));
            assertThat(watchlist.get("actor:before")).as("kept out of the store").isNull();
            assertThat(service.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(service.recentFailures(Duration.ofMinutes(5))).isZero();
        }
    }

    private static void poison(String topic, String key) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, "garbage".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> read(String topic) {
        return TopicReader.readToEnd(kafka.bootstrapServers(), topic, new StringDeserializer(),
                new ByteArrayDeserializer(), Duration.ofSeconds(30));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String key) {
        return DeadLetters.header(record.headers(), key);
    }
}
