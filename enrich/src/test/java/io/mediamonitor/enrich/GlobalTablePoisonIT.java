package io.mediamonitor.enrich;

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
import java.time.Instant;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unreadable entry on media.dictionary, which enrich reads as a global table: Streams' global thread has no
 * producer for a handler's dead letters, and the entry stopped the job for good, every start after it too (the table
 * is read whole at start). It reaches the dead-letter topic once, and the job goes on enriching.
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
    void anUnreadableDictionaryEntryWrittenBeforeTheJobStartsIsDeadLetteredAndTheJobRuns() throws Exception {
        runWithPoison("global-poison-before.", true);
    }

    @Test
    void anUnreadableDictionaryEntryWrittenWhileTheJobRunsIsDeadLetteredAndTheJobGoesOn() throws Exception {
        runWithPoison("global-poison-while.", false);
    }

    private void runWithPoison(String prefix, boolean beforeStart) throws Exception {
        Topics topics = new Topics(prefix, 2);
        try (Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, (short) 1).ensure(topics);
        }
        if (beforeStart) {
            poison(topics);
        }
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (EnrichService service = new EnrichService(topics, EnrichSettings.defaults(),
                new LiveDictionary(SimpleTestTagger::new), client, prefix + "app", stateDir.toString())) {
            service.start();
            assertThat(service.awaitRunning(Duration.ofSeconds(60))).as("the job runs").isTrue();
            if (!beforeStart) {
                poison(topics);
            }
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                    kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(topics.articlesRaw().name(), "good",
                        topics.articlesRaw().valueSerde().serializer().serialize("",
                                EnrichTopologyTest.article("good", "RFI", "Le Mali", Instant.now())))).get();
            }

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> read(topics.articlesEnriched().name()).size() >= 1
                            && read(topics.deadLetter().name()).size() >= 1);

            assertThat(read(topics.articlesEnriched().name())).extracting(ConsumerRecord::key).containsExactly("good");
            List<ConsumerRecord<String, byte[]>> dead = read(topics.deadLetter().name());
            assertThat(dead).extracting(ConsumerRecord::key).containsExactly("actor:bad");
            assertThat(header(dead.get(0), DeadLetters.TOPIC)).isEqualTo(topics.dictionary().name());
            assertThat(header(dead.get(0), DeadLetters.REASON)).isNotBlank();
            assertThat(service.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(service.recentFailures(Duration.ofMinutes(5))).isZero();
        }
    }

    private static void poison(Topics topics) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.dictionary().name(), "actor:bad",
                    "garbage".getBytes(StandardCharsets.UTF_8))).get();
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
