package io.mediamonitor.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediamonitor.enrich.EnrichService;
import io.mediamonitor.enrich.EnrichSettings;
import io.mediamonitor.enrich.LiveDictionary;
import io.mediamonitor.enrich.tagging.Dictionary;
import io.mediamonitor.model.Alert;
import io.mediamonitor.model.Article;
import io.mediamonitor.schema.ArticleIds;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.KafkaTestCluster;
import io.mediamonitor.testing.TopicReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerts job as its own process (the packaged jar), killed with SIGKILL as its first alert appears while a burst
 * is still arriving, and started again on its state while a second burst arrives: every alert's records are there
 * once each, revision after revision with none missing, and both bursts' alerts are raised.
 */
class AlertsKillIT {

    private static final String PREFIX = "alerts-kill-it.";
    private static final int OUTLETS = 10;

    @TempDir
    Path work;

    @Test
    void aKilledAlertsJobRestartedWritesEveryAlertRevisionOnce() throws Exception {
        Topics topics = new Topics(PREFIX);
        Instant now = Instant.now();
        try (KafkaTestCluster kafka = KafkaTestCluster.singleBroker(); Admin admin = kafka.admin();
             EnrichService enrich = new EnrichService(topics, EnrichSettings.defaults(),
                     LiveDictionary.over(Dictionary.builtIn()), kafka.clientConfig(), "alerts-kill-it-enrich",
                     work.resolve("enrich").toString());
             KafkaProducer<String, Article> producer = producer(kafka, topics)) {
            new TopicProvisioner(admin, (short) -1).ensure(topics);
            enrich.start();
            // two days of ordinary coverage: the baseline
            for (int hour = 48; hour >= 2; hour--) {
                for (int i = 0; i < 3; i++) {
                    send(producer, topics, article("h" + hour + "-" + i, i + hour, now.minus(Duration.ofHours(hour)),
                            "Le Mali et le Niger renforcent leur coopération agricole, numéro " + hour + "-" + i));
                }
            }
            producer.flush();
            JobProcess first = start(kafka, "first");
            List<Article> burst = IntStream.range(0, 16).mapToObj(i -> article("burst-" + i, i,
                    now.minus(Duration.ofMinutes(50 - 3L * i)),
                    "L'AES annonce une force unifiée, déclaration " + i + " des chefs d'État")).toList();
            try {
                for (Article article : burst.subList(0, 8)) {
                    send(producer, topics, article);
                }
                producer.flush();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                        .until(() -> !alerts(kafka, topics).isEmpty());
            } finally {
                first.kill(); // the rest of the burst is not yet sent: it arrives while the job is down
            }
            int beforeKill = alerts(kafka, topics).size();
            for (Article article : burst.subList(8, burst.size())) {
                send(producer, topics, article);
            }
            // a second burst, on another actor, that only the restarted job can alert on
            for (int i = 0; i < 8; i++) {
                send(producer, topics, article("second-" + i, i, now.minus(Duration.ofMinutes(40 - 4L * i)),
                        "Des instructeurs de l'Africa Corps arrivent à Niamey, dépêche " + i));
            }
            producer.flush();

            JobProcess second = start(kafka, "second");
            try {
                // the second burst's alert is raised, and the job has read every mention count there is
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> alerts(kafka, topics).stream()
                                .anyMatch(alert -> alert.getTerm().equals("actor:africa-corps"))
                                && caughtUp(admin, topics.mentions().name()));
                Thread.sleep(5_000); // a record written twice would show by now
                List<Alert> all = alerts(kafka, topics);
                all.forEach(alert -> System.out.printf("%s %s %s revision %d, %d stories%n", alert.getTerm(),
                        alert.getKind(), alert.getStatus(), alert.getRevision(), alert.getObserved()));
                assertThat(all).as("the restarted job wrote alerts too").hasSizeGreaterThan(beforeKill)
                        .anyMatch(alert -> alert.getTerm().equals("actor:aes"));
                Map<String, List<Integer>> revisions = new HashMap<>();
                for (Alert alert : all) {
                    revisions.computeIfAbsent(alert.getId(), id -> new ArrayList<>()).add(alert.getRevision());
                }
                assertThat(revisions).isNotEmpty().allSatisfy((id, seen) -> {
                    int first0 = seen.get(0);
                    assertThat(seen).as("revisions of alert " + id + ", in order, once each, none missing")
                            .isEqualTo(IntStream.range(first0, first0 + seen.size()).boxed().toList());
                });
            } catch (AssertionError | RuntimeException e) {
                System.out.println("first run:\n" + first.log() + "\nsecond run:\n" + second.log());
                throw e;
            } finally {
                second.kill();
            }
        }
    }

    private JobProcess start(KafkaTestCluster kafka, String name) throws IOException {
        return JobProcess.start("384m", work.resolve(name + ".log"), "alerts", "--no-dashboard",
                "--bootstrap-servers", kafka.bootstrapServers(), "--data-dir", work.resolve("alerts").toString(),
                "-D", "topics.prefix=" + PREFIX, "-D", "alerts.application.id=alerts-kill-it",
                "-D", "notify.console.target=log");
    }

    private static Article article(String id, int outlet, Instant at, String title) {
        String url = "https://outlet" + (outlet % OUTLETS) + ".example/" + id;
        return Article.newBuilder().setId(ArticleIds.of(url)).setUrl(url).setTitle(title)
                .setSource("Outlet " + (outlet % OUTLETS)).setFeedUrl("https://outlet" + (outlet % OUTLETS)
                        + ".example/rss").setLanguage("fr").setPublishedAt(at).setFetchedAt(at.plusSeconds(30))
                .setSourceDomain("outlet" + (outlet % OUTLETS) + ".example").build();
    }

    private static KafkaProducer<String, Article> producer(KafkaTestCluster kafka, Topics topics) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(), topics.articlesRaw().valueSerde().serializer());
    }

    private static void send(KafkaProducer<String, Article> producer, Topics topics, Article article) {
        producer.send(new ProducerRecord<>(topics.articlesRaw().name(), article.getId(), article));
    }

    /** Whether the alerts job has committed every record of the topic (under exactly-once: past its last marker). */
    private static boolean caughtUp(Admin admin, String topic) throws Exception {
        Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets("alerts-kill-it").partitionsToOffsetAndMetadata().get();
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
        var latest = admin.listOffsets(partitions.stream().collect(java.util.stream.Collectors.toMap(
                p -> new org.apache.kafka.common.TopicPartition(topic, p.partition()),
                p -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
        return latest.entrySet().stream().allMatch(end -> {
            var done = committed.get(end.getKey());
            return end.getValue().offset() == 0 || (done != null && done.offset() >= end.getValue().offset());
        });
    }

    /** The alert topic in partition order, as a read_committed consumer sees it: one alert id keeps one partition. */
    private static List<Alert> alerts(KafkaTestCluster kafka, Topics topics) {
        return TopicReader.readToEnd(kafka.bootstrapServers(), topics.alerts().name(), new StringDeserializer(),
                topics.alerts().valueSerde().deserializer(), Duration.ofSeconds(30)).stream()
                .map(ConsumerRecord::value).toList();
    }
}
