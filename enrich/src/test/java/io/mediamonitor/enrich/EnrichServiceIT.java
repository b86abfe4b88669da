package io.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediamonitor.model.Article;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.schema.Terms;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.KafkaTestCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enrich service on a real broker: exactly-once output and the dead-letter topic. */
class EnrichServiceIT {

    private static KafkaTestCluster kafka;
    private final Topics topics = new Topics("enrich-it.");

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
    void enrichesArticlesAndDeadLettersUnreadableRecordsWithTheReason() throws Exception {
        try (Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, (short) -1).ensure(topics);
        }
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (EnrichService service = new EnrichService(topics, EnrichSettings.defaults(),
                new LiveDictionary(SimpleTestTagger::new), client, "enrich-it", stateDir.toString())) {
            service.start();
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(topics.articlesRaw().name(), "broken",
                        "garbage".getBytes(StandardCharsets.UTF_8))).get();
                Article article = EnrichTopologyTest.article("a1", "RFI", "Le Mali", Instant.now());
                producer.send(new ProducerRecord<>(topics.articlesRaw().name(), "a1",
                        topics.articlesRaw().valueSerde().serializer().serialize("", article))).get();
            }

            List<ConsumerRecord<byte[], byte[]>> enriched = readUntil(topics.articlesEnriched().name(), 1);
            List<ConsumerRecord<byte[], byte[]>> dead = readUntil(topics.deadLetter().name(), 1);

            EnrichedArticle result = topics.articlesEnriched().valueSerde().deserializer()
                    .deserialize("", enriched.get(0).value());
            assertThat(result.getCountries()).extracting(c -> c.getCode()).containsExactly("ML");
            assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("garbage");
            String headers = String.join("\n", StreamSupport.stream(dead.get(0).headers().spliterator(), false)
                    .map(h -> h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8)).toList());
            assertThat(headers).contains("cannot decode Article").contains(topics.articlesRaw().name());

            // the windowed counts are queryable (interactive queries) while the service runs
            Instant now = Instant.now();
            List<io.mediamonitor.model.MentionCount> counts = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                counts.clear();
                counts.addAll(service.queries().term("country:ML", now.minus(Duration.ofHours(2)), now));
                // a window's names are written when it is emitted, so they may trail its count by one emit interval
                return counts.size() == 6 && counts.stream().noneMatch(c -> c.getSourceNames().isEmpty());
            });
            assertThat(counts).allSatisfy(count -> {
                assertThat(count.getStories()).isEqualTo(1);
                assertThat(count.getSourceNames()).containsExactly("RFI");
                assertThat(count.getWindowEnd()).isEqualTo(count.getWindowStart().plus(Duration.ofHours(1)));
            });
            assertThat(service.queries().all(now.minus(Duration.ofHours(2)), now))
                    .extracting(io.mediamonitor.model.MentionCount::getTerm).contains("country:ML", Terms.TOTAL);
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> readUntil(String topic, int count) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                "bootstrap.servers", kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
        }
        return records;
    }
}
