package io.mediamonitor.app.dashboard;

import static io.mediamonitor.app.dashboard.Fixtures.NOW;
import static io.mediamonitor.app.dashboard.Fixtures.alert;
import static io.mediamonitor.app.dashboard.Fixtures.feed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertStatus;
import io.mediamonitor.model.FeedStatus;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.KafkaTestCluster;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Kafka-backed sources on a real broker: what they read, and what they must not. */
class KafkaSourcesIT {

    private static final Instant T = Instant.parse("2025-03-12T14:00:00Z");

    private static KafkaTestCluster kafka;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaTestCluster.singleBroker();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    private static Topics freshTopics() {
        Topics topics = new Topics("src" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, (short) -1).ensure(topics);
        }
        return topics;
    }

    private static KafkaProducer<String, Alert> transactionalProducer(Topics topics) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-" + UUID.randomUUID());
        KafkaProducer<String, Alert> producer = new KafkaProducer<>(config, topics.alerts().keySerde().serializer(),
                topics.alerts().valueSerde().serializer());
        producer.initTransactions();
        return producer;
    }

    @Test
    void alertFeedReadsCommittedHistoryThenFollowsAndSkipsWhatItCannotRead() throws Exception {
        Topics topics = freshTopics();
        String name = topics.alerts().name();
        try (KafkaProducer<String, Alert> producer = transactionalProducer(topics);
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(kafka.clientConfig(), new StringSerializer(),
                     new ByteArraySerializer())) {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(name, "actor:aes",
                    alert("aes-1", 0, "actor:aes", "AES", AlertStatus.OPEN, T, 9, 1.5)));
            producer.send(new ProducerRecord<>(name, "actor:aes",
                    alert("aes-1", 1, "actor:aes", "AES", AlertStatus.ESCALATED, T, 15, 1.5)));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(name, "country:ML",
                    alert("aborted", 0, "country:ML", "Mali", AlertStatus.OPEN, T, 40, 1)));
            producer.flush();
            producer.abortTransaction();
            raw.send(new ProducerRecord<>(name, "actor:aes", "not avro".getBytes(StandardCharsets.UTF_8))).get();
            raw.send(new ProducerRecord<>(name, "actor:aes", null)).get();

            try (KafkaAlertFeed feed = new KafkaAlertFeed(topics, kafka.clientConfig(), 100).start()) {
                await().atMost(Duration.ofSeconds(20)).until(feed::caughtUp);
                assertThat(feed.latest()).singleElement().satisfies(a -> {
                    assertThat(a.getId()).isEqualTo("aes-1");
                    assertThat(a.getRevision()).isEqualTo(1);
                });

                List<String> heard = new CopyOnWriteArrayList<>();
                feed.subscribe(a -> heard.add(a.getId() + "/" + a.getRevision()));
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(name, "actor:wagner",
                        alert("wagner-1", 0, "actor:wagner", "Wagner", AlertStatus.OPEN, T.plusSeconds(3600), 6, 1)));
                producer.commitTransaction();

                await().atMost(Duration.ofSeconds(20)).until(() -> heard.contains("wagner-1/0"));
                assertThat(feed.latest()).extracting(Alert::getId).containsExactly("wagner-1", "aes-1");
                assertThat(heard).doesNotContain("aborted/0");
            }
        }
    }

    @Test
    void acknowledgementsAreStoredOnTheTopicSoAnotherInstanceOrARestartSeesThem() {
        Topics topics = freshTopics();
        Clock clock = Clock.fixed(NOW, java.time.ZoneOffset.UTC);
        try (KafkaAlertAcknowledgements first = new KafkaAlertAcknowledgements(topics, kafka.clientConfig(), clock)
                .start()) {
            first.acknowledge("aes-1", "Aïcha", "calling the Niamey desk");
            first.acknowledge("ml-2", null, null);
            assertThat(first.all()).containsOnlyKeys("aes-1", "ml-2"); // at once, for the one who clicked
        }
        try (KafkaAlertAcknowledgements restarted = new KafkaAlertAcknowledgements(topics, kafka.clientConfig(),
                clock).start()) {
            await().atMost(Duration.ofSeconds(30)).until(restarted::caughtUp);
            assertThat(restarted.all()).containsOnlyKeys("aes-1", "ml-2");
            assertThat(restarted.all().get("aes-1").getAcknowledgedBy()).isEqualTo("Aïcha");
            assertThat(restarted.all().get("aes-1").getAcknowledgedAt()).isEqualTo(NOW);

            restarted.withdraw("ml-2");
            try (KafkaAlertAcknowledgements another = new KafkaAlertAcknowledgements(topics, kafka.clientConfig(),
                    clock).start()) {
                await().atMost(Duration.ofSeconds(30)).until(another::caughtUp);
                assertThat(another.all()).containsOnlyKeys("aes-1");
            }
        }
    }

    @Test
    void feedHealthKeepsTheLatestStatusPerFeedAndForgetsTombstones() throws Exception {
        Topics topics = freshTopics();
        String name = topics.feedsStatus().name();
        try (KafkaProducer<String, FeedStatus> producer = new KafkaProducer<>(kafka.clientConfig(),
                topics.feedsStatus().keySerde().serializer(), topics.feedsStatus().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(name, "https://a.example/rss",
                    feed("https://a.example/rss", "Sahel Hebdo", 0, null, NOW))).get();
            producer.send(new ProducerRecord<>(name, "https://a.example/rss",
                    feed("https://a.example/rss", "Sahel Hebdo", 2, "timeout after 30 s", NOW))).get();
            producer.send(new ProducerRecord<>(name, "https://b.example/rss",
                    feed("https://b.example/rss", "Removed", 0, null, NOW))).get();
            producer.send(new ProducerRecord<>(name, "https://b.example/rss", null)).get();
        }
        try (KafkaFeedHealth health = new KafkaFeedHealth(topics, kafka.clientConfig()).start()) {
            await().atMost(Duration.ofSeconds(20)).until(health::caughtUp);
            assertThat(health.feeds()).singleElement().satisfies(f -> {
                assertThat(f.getFeedName()).isEqualTo("Sahel Hebdo");
                assertThat(f.getLastError()).isEqualTo("timeout after 30 s");
            });
        }
    }

    @Test
    void topicStatsSumEndOffsetsAndMeasureGroupLagInRecords() throws Exception {
        Topics topics = freshTopics();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(kafka.clientConfig(), new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < 5; i++) {
                raw.send(new ProducerRecord<>(topics.deadLetter().name(), 0, "k" + i, new byte[] {1})).get();
            }
        }
        // an exactly-once writer: two records and the transaction's commit marker, which no consumer reads
        Map<String, Object> transactional = new java.util.HashMap<>(kafka.clientConfig());
        transactional.put("transactional.id", "stats-" + topics.prefix());
        try (KafkaProducer<String, byte[]> alerts = new KafkaProducer<>(transactional, new StringSerializer(),
                new ByteArraySerializer())) {
            alerts.initTransactions();
            alerts.beginTransaction();
            for (int i = 0; i < 2; i++) {
                alerts.send(new ProducerRecord<>(topics.alerts().name(), 0, "a" + i, new byte[] {1}));
            }
            alerts.commitTransaction();
        }
        try (Admin admin = kafka.admin(); RecordLag records = new RecordLag(kafka.clientConfig())) {
            String group = "lagging-" + topics.prefix();
            String caughtUp = "caught-up-" + topics.prefix();
            admin.alterConsumerGroupOffsets(group, Map.of(
                    new org.apache.kafka.common.TopicPartition(topics.deadLetter().name(), 0),
                    new org.apache.kafka.clients.consumer.OffsetAndMetadata(2))).all().get();
            // past both records, before the marker: where a read_committed consumer's offsets stand
            admin.alterConsumerGroupOffsets(caughtUp, Map.of(
                    new org.apache.kafka.common.TopicPartition(topics.alerts().name(), 0),
                    new org.apache.kafka.clients.consumer.OffsetAndMetadata(2))).all().get();
            KafkaTopicStats stats = new KafkaTopicStats(admin, false,
                    topics.all().stream().map(t -> t.name()).toList(), Duration.ZERO, Clock.systemUTC(), records);

            TopicStats.Report report = stats.report();

            assertThat(report.error()).isNull();
            assertThat(report.topics()).hasSize(topics.all().size());
            assertThat(report.topics()).filteredOn(t -> t.topic().equals(topics.deadLetter().name()))
                    .singleElement().satisfies(t -> {
                        assertThat(t.endOffsets()).isEqualTo(5);
                        assertThat(t.partitions()).isEqualTo(1);
                    });
            assertThat(report.groups()).filteredOn(g -> g.group().equals(group)).singleElement()
                    .satisfies(g -> assertThat(g.lagByTopic()).containsExactly(Map.entry(topics.deadLetter().name(), 3L)));
            assertThat(report.topics()).filteredOn(t -> t.topic().equals(topics.alerts().name()))
                    .singleElement().satisfies(t -> assertThat(t.endOffsets()).as("records and marker").isEqualTo(3));
            assertThat(report.groups()).filteredOn(g -> g.group().equals(caughtUp)).singleElement()
                    .satisfies(g -> assertThat(g.lagByTopic()).as("the marker is no record to read")
                            .containsExactly(Map.entry(topics.alerts().name(), 0L)));
            // a later sample gives a rate
            await().atMost(Duration.ofSeconds(5)).until(() -> stats.report().topics().get(0).perSecond() != null);
        }
    }
}
