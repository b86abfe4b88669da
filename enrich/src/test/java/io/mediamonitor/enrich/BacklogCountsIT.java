package io.mediamonitor.enrich;

import io.mediamonitor.kafka.StateStoreType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediamonitor.model.Article;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.MentionCount;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.KafkaTestCluster;
import io.mediamonitor.testing.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2,000-article start-up backlog over the last six hours, in scrambled order, through the enrich job on a
 * real broker with exactly-once: read as downstream consumers read it (committed records only), every
 * term-window count ends exact, and the whole volume's counts reach media.mentions.totals.
 */
class BacklogCountsIT {

    private static KafkaTestCluster kafka;
    private final Topics topics = new Topics("backlog-it.");
    private final EnrichSettings settings = EnrichSettings.defaults();

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
    void everyTermWindowCountOfAScrambledSixHourBacklogIsExact() throws Exception {
        try (Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, (short) -1).ensure(topics);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Article> backlog = Backlog.scrambled(now.minus(Duration.ofHours(6)), Duration.ofHours(6), 2000, 3);
        try (EnrichService service = new EnrichService(topics, settings, new LiveDictionary(SimpleTestTagger::new),
                Map.of("bootstrap.servers", kafka.bootstrapServers()), "backlog-it", stateDir.toString())) {
            service.start();
            produce(backlog);
            // every article lands in six windows of the whole volume: done when the totals say 6 × 2,000
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> countedInTotals() == 6L * backlog.size());

            awaitExactCounts(topics, backlog.size(), settings);
        }
    }

    /**
     * A backlog in publication order (as ingest's first round publishes feeds' history) spanning far more than the
     * lateness, written before the job starts: the raw topic's partitions are read by separate tasks, and one may
     * run through its whole day before another starts. Judged against the newest time seen, the others' articles
     * would be later than the lateness; judged against the time every partition has reached, each is counted.
     */
    @Test
    void aDayOfBacklogInPublicationOrderIsCountedWholeThoughTheLatenessIsAnHour() throws Exception {
        Topics topics = new Topics("backlog-day-it.");
        EnrichSettings hour = settings.withLateness(Duration.ofHours(1));
        try (Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, (short) -1).ensure(topics);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Article> backlog = Backlog.scrambled(now.minus(Duration.ofHours(24)), Duration.ofHours(24), 3000, 7)
                .stream().sorted(java.util.Comparator.comparing(Article::getPublishedAt)).toList();
        produce(topics, backlog);
        try (EnrichService service = new EnrichService(topics, hour, new LiveDictionary(SimpleTestTagger::new),
                Map.of("bootstrap.servers", kafka.bootstrapServers()), "backlog-day-it", stateDir.toString())) {
            service.start();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(countedInTotals(topics)).as("articles counted in the totals' windows")
                            .isEqualTo(6L * backlog.size()));
            awaitExactCounts(topics, backlog.size(), hour);
        }
    }

    /** State on the heap has nothing on disk: a restarted job restores it from the changelogs, and counts on exactly. */
    @Test
    void countsKeptOnTheHeapAreRestoredFromTheChangelogsAfterARestart() throws Exception {
        Topics topics = new Topics("backlog-heap-it.");
        EnrichSettings heap = settings.withStateStore(StateStoreType.IN_MEMORY);
        try (Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, (short) -1).ensure(topics);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Article> backlog = new java.util.ArrayList<>(
                Backlog.scrambled(now.minus(Duration.ofHours(6)), Duration.ofHours(6), 1000, 5));
        // a wire story before the restart and an edited copy after it: the story index is rebuilt from the state
        backlog.add(499, EnrichTopologyTest.withSummary(EnrichTopologyTest.article("wire", "AFP",
                "Sommet de l'AES à Niamey : les trois juntes signent le traité", now.minus(Duration.ofHours(2))), WIRE));
        backlog.add(EnrichTopologyTest.withSummary(EnrichTopologyTest.article("copy", "Sahel Hebdo",
                "Niamey : naissance de la confédération", now.minus(Duration.ofHours(1))), "NIAMEY (AFP) — " + WIRE));
        List<Article> first = backlog.subList(0, 500);
        List<Article> second = backlog.subList(500, backlog.size());
        for (List<Article> part : List.of(first, second)) {
            try (EnrichService service = new EnrichService(topics, heap, new LiveDictionary(SimpleTestTagger::new),
                    Map.of("bootstrap.servers", kafka.bootstrapServers()), "backlog-heap-it", stateDir.toString())) {
                service.start();
                produce(topics, part);
                long expected = 6L * (part == first ? first.size() : backlog.size());
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> countedInTotals(topics) == expected);
            }
        }
        awaitExactCounts(topics, backlog.size(), heap);
        assertThat(read(topics.articlesEnriched().name(), topics.articlesEnriched().valueSerde().deserializer()))
                .filteredOn(article -> article.getArticle().getId().equals("copy"))
                .extracting(EnrichedArticle::getStoryId).containsExactly("wire");
    }

    private static final String WIRE = "Les chefs d'État du Mali, du Burkina Faso et du Niger se sont réunis samedi "
            + "à Niamey pour le premier sommet de l'Alliance des États du Sahel. Ils ont adopté un traité créant une "
            + "confédération, annoncé une force conjointe et un passeport commun.";

    /**
     * Every term-window count ends exact. The totals say when every article is counted somewhere, but each term's
     * counts are emitted by the task that owns the term, on its own emit clock and transactions: they may reach
     * the topic a moment after the totals. Exact by the deadline or the test fails with the last difference.
     */
    private void awaitExactCounts(Topics topics, int articles, EnrichSettings settings) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<EnrichedArticle> enriched = read(topics.articlesEnriched().name(),
                    topics.articlesEnriched().valueSerde().deserializer());
            assertThat(enriched).hasSize(articles);
            Backlog.assertExact(Backlog.latest(read(topics.mentions().name(),
                    topics.mentions().valueSerde().deserializer())), Backlog.recount(enriched, settings));
        });
    }

    private void produce(List<Article> articles) throws Exception {
        produce(topics, articles);
    }

    private void produce(Topics topics, List<Article> articles) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), topics.articlesRaw().valueSerde().serializer())) {
            for (Article article : articles) {
                producer.send(new ProducerRecord<>(topics.articlesRaw().name(), article.getId(), article));
            }
            producer.flush();
        }
    }

    private long countedInTotals() {
        return countedInTotals(topics);
    }

    private long countedInTotals(Topics topics) {
        Map<String, Integer> latest = new HashMap<>();
        for (ConsumerRecord<String, MentionCount> r : TopicReader.readToEnd(kafka.bootstrapServers(),
                topics.mentionTotals().name(), new StringDeserializer(), topics.mentionTotals().valueSerde().deserializer(),
                Duration.ofSeconds(20))) {
            latest.put(r.key(), r.value().getArticles());
        }
        return latest.values().stream().mapToLong(Integer::longValue).sum();
    }

    private <V> List<V> read(String topic, org.apache.kafka.common.serialization.Deserializer<V> values) {
        return TopicReader.readToEnd(kafka.bootstrapServers(), topic, new StringDeserializer(), values,
                Duration.ofSeconds(30)).stream().map(ConsumerRecord::value).toList();
    }
}
