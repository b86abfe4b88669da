package io.mediamonitor.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediamonitor.model.Article;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.KafkaTestCluster;
import io.mediamonitor.testing.TopicReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two enrich jobs as separate processes (the packaged jar) on three brokers; one is killed with SIGKILL while
 * articles flow. The other takes its partitions over within the group session timeout, not Kafka's 45 s, and every
 * article is enriched exactly once under read_committed. The killed one, restarted on its state directory, rejoins.
 */
class EnrichFailoverIT {

    private static final String PREFIX = "failover-it.";
    private static final String GROUP = "failover-it-enrich";
    private static final int ARTICLES = 3_000;

    @TempDir
    Path work;

    @Test
    void aKilledInstancesPartitionsMoveInSecondsAndNothingIsLostOrDoubled() throws Exception {
        Topics topics = new Topics(PREFIX);
        try (KafkaTestCluster kafka = KafkaTestCluster.threeBrokers(); Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, (short) 3).ensure(topics);
            JobProcess a = enrich(kafka, work.resolve("a"));
            JobProcess b = enrich(kafka, work.resolve("b"));
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> stableWith(admin, 2));
                CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> produce(kafka, topics));
                await().atMost(Duration.ofSeconds(60)).until(() -> enriched(kafka, topics).size() >= ARTICLES / 5);

                long killedAt = System.nanoTime();
                a.kill();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                        .until(() -> stableWith(admin, 1));
                Duration failover = Duration.ofNanos(System.nanoTime() - killedAt);
                System.out.printf("enrich failover after kill -9: %.1f s%n", failover.toMillis() / 1000.0);
                // well under Kafka's default 45 s session: the job's 6 s session timeout is in force
                assertThat(failover).isLessThan(Duration.ofSeconds(20));

                sending.get(120, TimeUnit.SECONDS);
                a = enrich(kafka, work.resolve("a")); // the same state directory: the same static member
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> enriched(kafka, topics).size() >= ARTICLES);
                List<String> ids = enriched(kafka, topics);
                assertThat(ids).hasSize(ARTICLES).doesNotHaveDuplicates();
                await().atMost(Duration.ofSeconds(60)).until(() -> stableWith(admin, 2));
            } catch (AssertionError | RuntimeException e) {
                System.out.println("instance a:\n" + a.log() + "\ninstance b:\n" + b.log());
                throw e;
            } finally {
                a.kill();
                b.kill();
            }
        }
    }

    private static String lastSeen = "";

    private static boolean stableWith(Admin admin, int members) throws Exception {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
            String seen = group.groupState() + " with " + group.members().size() + " members";
            if (!seen.equals(lastSeen)) { // the group's history, for a failure's diagnosis
                System.out.println(java.time.LocalTime.now() + " group " + seen);
                lastSeen = seen;
            }
            return group.groupState() == GroupState.STABLE && group.members().size() == members;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException) {
                return false; // no instance has joined yet
            }
            throw e;
        }
    }

    private static void produce(KafkaTestCluster kafka, Topics topics) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        Instant start = Instant.now().minus(Duration.ofHours(20));
        try (var producer = new KafkaProducer<>(config, new StringSerializer(),
                topics.articlesRaw().valueSerde().serializer())) {
            for (int i = 0; i < ARTICLES; i++) {
                Instant at = start.plusSeconds(20L * i);
                Article article = Article.newBuilder().setId("f" + i).setUrl("https://example.org/f" + i)
                        .setTitle("Dépêche " + i + " sur le Mali").setSource("Source " + (i % 7))
                        .setFeedUrl("https://example.org/rss").setLanguage("fr").setPublishedAt(at)
                        .setFetchedAt(at.plusSeconds(30)).setSourceDomain("example.org").build();
                producer.send(new ProducerRecord<>(topics.articlesRaw().name(), article.getId(), article));
                if (i % 100 == 99) {
                    Thread.sleep(500); // a steady flow, so the kill falls in the middle of it
                }
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> enriched(KafkaTestCluster kafka, Topics topics) {
        return TopicReader.readToEnd(kafka.bootstrapServers(), topics.articlesEnriched().name(),
                new StringDeserializer(), new ByteArrayDeserializer(), Duration.ofSeconds(30)).stream()
                .map(ConsumerRecord::key).toList();
    }

    private static JobProcess enrich(KafkaTestCluster kafka, Path dataDir) throws IOException {
        return JobProcess.start("384m", dataDir.resolve("job-" + System.nanoTime() + ".log"), "enrich",
                "--bootstrap-servers", kafka.bootstrapServers(), "--data-dir", dataDir.toString(),
                "-D", "topics.prefix=" + PREFIX, "-D", "topics.replication.factor=3",
                "-D", "enrich.application.id=" + GROUP);
    }
}
