package io.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediamonitor.model.Article;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.KafkaTestCluster;
import io.mediamonitor.testing.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two enrich instances in one application on a three-broker cluster share the partitions, and
 * together, through one leaving mid-stream, write every article to the enriched topic exactly once.
 */
class ScaleOutIT {

    private static final int ARTICLES = 300;
    private static KafkaTestCluster kafka;
    private final Topics topics = new Topics("scale.");

    @TempDir
    Path stateA;
    @TempDir
    Path stateB;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaTestCluster.threeBrokers();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void twoInstancesProcessEveryArticleExactlyOnce() throws Exception {
        try (Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, (short) 3).ensure(topics);
        }
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        EnrichService a = service(client, stateA);
        EnrichService b = service(client, stateB);
        try {
            a.start();
            b.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> running(a) && running(b));
            assertThat(tasks(a)).as("instance A owns tasks").isPositive();
            assertThat(tasks(b)).as("instance B owns tasks").isPositive();

            produce(0, ARTICLES / 2);
            await().atMost(Duration.ofSeconds(60)).until(() -> enrichedKeys().size() >= ARTICLES / 3);
            b.close(); // B leaves mid-stream; A takes its partitions over
            produce(ARTICLES / 2, ARTICLES);

            List<String> keys = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                keys.clear();
                keys.addAll(enrichedKeys());
                return keys.size() >= ARTICLES;
            });
            Thread.sleep(2_000);
            keys.clear();
            keys.addAll(enrichedKeys());
            assertThat(keys).hasSize(ARTICLES).doesNotHaveDuplicates();
        } finally {
            a.close();
            b.close();
        }
    }

    private EnrichService service(Map<String, Object> client, Path state) {
        return new EnrichService(topics, EnrichSettings.defaults(), new LiveDictionary(SimpleTestTagger::new), client,
                "scale-enrich", state.toString());
    }

    private static boolean running(EnrichService service) {
        return service.streams().state() == KafkaStreams.State.RUNNING;
    }

    private static long tasks(EnrichService service) {
        return service.streams().metadataForLocalThreads().stream().mapToLong(t -> t.activeTasks().size()).sum();
    }

    private void produce(int from, int to) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                "bootstrap.servers", kafka.bootstrapServers(), ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), topics.articlesRaw().valueSerde().serializer())) {
            Instant t = Instant.parse("2024-11-20T10:00:00Z");
            for (int i = from; i < to; i++) {
                Article article = EnrichTopologyTest.article("s" + i, "Source " + (i % 7), "Dépêche " + i + " sur le Mali",
                        t.plusSeconds(30L * i));
                producer.send(new ProducerRecord<>(topics.articlesRaw().name(), article.getId(), article));
            }
            producer.flush();
        }
    }

    /** Keys on the enriched topic as a read_committed consumer sees them: only committed transactions. */
    private List<String> enrichedKeys() {
        return TopicReader.readToEnd(kafka.bootstrapServers(), topics.articlesEnriched().name(), new StringDeserializer(),
                new ByteArrayDeserializer(), Duration.ofSeconds(20)).stream().map(r -> r.key()).toList();
    }
}
