package io.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediamonitor.kafka.DeadLetters;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.schema.RecordLimits;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.KafkaTestCluster;
import io.mediamonitor.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poison records of every kind on the raw topic, on three brokers (replication factor 3, two in-sync replicas
 * required), each followed by good articles: every poison
 * record reaches the dead-letter topic (bounded, with its reason and origin), every good article is enriched exactly
 * once under read_committed, and no stream thread fails on the way.
 */
class PoisonRecordsIT {

    private static final int GOOD_AFTER_EACH = 20;
    private static KafkaTestCluster kafka;
    private final Topics topics = new Topics("poison-it.");

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaTestCluster.threeBrokers();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void poisonRecordsAreDeadLetteredAndTheGoodOnesBehindThemFlow() throws Exception {
        try (Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, (short) 3).ensure(topics);
        }
        Map<String, byte[]> poison = poison();
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (EnrichService service = new EnrichService(topics, EnrichSettings.defaults(),
                new LiveDictionary(SimpleTestTagger::new), client, "poison-it", stateDir.toString())) {
            service.start();
            List<String> good = new ArrayList<>();
            try (var producer = new KafkaProducer<>(writerConfig(), new StringSerializer(), new ByteArraySerializer())) {
                int partition = 0;
                for (var entry : poison.entrySet()) {
                    // each kind on its own partition, with good articles behind it on the same partition
                    producer.send(new ProducerRecord<>(topics.articlesRaw().name(), partition, entry.getKey(),
                            entry.getValue())).get();
                    for (int i = 0; i < GOOD_AFTER_EACH; i++) {
                        String id = entry.getKey() + "-then-" + i;
                        good.add(id);
                        producer.send(new ProducerRecord<>(topics.articlesRaw().name(), partition, id,
                                serialize(article(id, "Le Mali et le Niger"))));
                    }
                    partition = (partition + 1) % topics.articlesRaw().spec().partitions();
                }
                producer.flush();
            }

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> read(topics.articlesEnriched().name()).size() >= good.size()
                            && read(topics.deadLetter().name()).size() >= poison.size());

            List<String> enriched = read(topics.articlesEnriched().name()).stream().map(ConsumerRecord::key).toList();
            assertThat(enriched).hasSize(good.size()).containsExactlyInAnyOrderElementsOf(good);
            List<ConsumerRecord<String, byte[]>> dead = read(topics.deadLetter().name());
            assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(poison.keySet());
            Map<String, ConsumerRecord<String, byte[]>> byKind = new HashMap<>();
            dead.forEach(record -> byKind.put(record.key(), record));
            assertThat(byKind.values()).allSatisfy(letter -> {
                assertThat(header(letter, DeadLetters.TOPIC)).isEqualTo(topics.articlesRaw().name());
                assertThat(header(letter, DeadLetters.OFFSET)).isNotNull();
                assertThat(header(letter, DeadLetters.REASON)).isNotBlank();
                assertThat(letter.value() == null ? 0 : letter.value().length)
                        .isLessThanOrEqualTo(RecordLimits.DEAD_LETTER_KEPT_BYTES);
            });
            assertThat(header(byKind.get("null"), DeadLetters.REASON)).contains("has no value (null)");
            assertThat(header(byKind.get("garbage"), DeadLetters.REASON)).contains("Article");
            assertThat(header(byKind.get("truncated"), DeadLetters.REASON)).contains("Article");
            assertThat(header(byKind.get("dated-1900"), DeadLetters.REASON))
                    .contains("publishedAt 1900-01-01T10:00:00Z is before 1970");
            for (String huge : List.of("compressible-2MiB", "valid-but-huge")) {
                assertThat(header(byKind.get(huge), DeadLetters.REASON)).contains("enrich.max.article.bytes");
                assertThat(header(byKind.get(huge), DeadLetters.TRUNCATED)).isEqualTo("true");
                assertThat(Integer.parseInt(header(byKind.get(huge), DeadLetters.ORIGINAL_VALUE_SIZE)))
                        .isEqualTo(poison.get(huge).length);
            }
            assertThat(service.recentFailures(Duration.ofMinutes(10))).isZero();
            EnrichedArticle first = topics.articlesEnriched().valueSerde().deserializer().deserialize("",
                    TopicReader.readToEnd(kafka.bootstrapServers(), topics.articlesEnriched().name(),
                            new StringDeserializer(), new ByteArrayDeserializer(), Duration.ofSeconds(30)).get(0).value());
            assertThat(first.getCountries()).extracting(c -> c.getCode()).contains("ML");
        }
    }

    /** Every kind of record a careless or hostile producer can put on the raw topic, by name. */
    private Map<String, byte[]> poison() {
        Map<String, byte[]> poison = new LinkedHashMap<>();
        poison.put("garbage", "garbage".getBytes(StandardCharsets.UTF_8));
        poison.put("null", null);
        byte[] whole = serialize(article("whole", "Le Mali"));
        poison.put("truncated", Arrays.copyOf(whole, whole.length / 2));
        byte[] compressible = new byte[2 * 1024 * 1024];
        Arrays.fill(compressible, (byte) 'a'); // lz4 shrinks it far under the broker's limit
        poison.put("compressible-2MiB", compressible);
        // a well-formed article over twice the producer's request size, which no output could carry
        poison.put("valid-but-huge", serialize(article("huge", "Le Mali. ".repeat(240_000))));
        // well-formed, but dated before 1970: no event time Kafka takes (Streams would drop it with a warning)
        Article zeroDate = article("dated-1900", "Le Mali");
        zeroDate.setPublishedAt(Instant.parse("1900-01-01T10:00:00Z"));
        poison.put("dated-1900", serialize(zeroDate));
        return poison;
    }

    private Map<String, Object> writerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        return config;
    }

    private byte[] serialize(Article article) {
        return topics.articlesRaw().valueSerde().serializer().serialize("", article);
    }

    private static Article article(String id, String text) {
        Article article = EnrichTopologyTest.article(id, "RFI", "Sahel", Instant.now());
        article.setSummary(text);
        return article;
    }

    private List<ConsumerRecord<String, byte[]>> read(String topic) {
        return TopicReader.readToEnd(kafka.bootstrapServers(), topic, new StringDeserializer(),
                new ByteArrayDeserializer(), Duration.ofSeconds(30));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String key) {
        return DeadLetters.header(record.headers(), key);
    }
}
