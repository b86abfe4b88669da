package io.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediamonitor.model.Article;
import io.mediamonitor.model.MentionCount;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.KafkaTestCluster;
import io.mediamonitor.testing.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker stopped and restarted while articles flow through enrich, on three brokers with replication factor 3 and
 * two in-sync replicas required: every article enriched once, and every count exact, under read_committed.
 */
class BrokerRestartIT {

    private static final int ARTICLES = 2_000;
    /**
     * A day ago, on the hour. Not a fixed date: outputs carry the articles' publication times, and the topics keep
     * 30 days, so records of a fixed date long past are deleted by retention as soon as their segment closes (a
     * broker restart closes some), which read as articles lost.
     */
    private static final Instant START = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS)
            .minus(Duration.ofDays(1));
    private final Topics topics = new Topics("restart-it.");

    @TempDir
    Path state;

    @Test
    void nothingIsLostOrDoubledWhenABrokerStopsAndComesBackUnderLoad() throws Exception {
        try (KafkaTestCluster kafka = KafkaTestCluster.threeBrokers()) {
            try (Admin admin = kafka.admin()) {
                new TopicProvisioner(admin, (short) 3).ensure(topics);
            }
            try (EnrichService enrich = new EnrichService(topics, EnrichSettings.defaults(),
                    new LiveDictionary(SimpleTestTagger::new), kafka.clientConfig(), "restart-it", state.toString())) {
                enrich.start();
                CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> produce(kafka));
                int victim = kafka.brokerIds().stream().max(Integer::compare).orElseThrow();
                await().atMost(Duration.ofSeconds(60)).until(() -> enriched(kafka).size() >= ARTICLES / 5);
                kafka.stopBroker(victim);
                Thread.sleep(5_000); // articles keep coming while it is away
                kafka.startBroker(victim);
                sending.get(120, TimeUnit.SECONDS);

                try {
                    // usually seconds; on a loaded machine the three brokers in this JVM have taken minutes after the
                    // restart (commits slow while the restarted broker catches up), exact all the same
                    await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1))
                            .until(() -> enriched(kafka).size() >= ARTICLES);
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new AssertionError("enriched articles did not all arrive: " + missing(kafka) + "; "
                            + enrich.streams().state() + "; group offsets: " + groupProgress(kafka) + "; "
                            + openTransactions(kafka), e);
                }
                List<String> ids = enriched(kafka);
                assertThat(ids).hasSize(ARTICLES).doesNotHaveDuplicates();
                // the hourly windows (one in six) cover each article once: their latest counts add up to all
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(storiesInHourlyWindows(kafka, "country:ML")).isEqualTo(ARTICLES));
            }
        }
    }

    /** How many enriched articles are missing, and the first few of them. */
    private String missing(KafkaTestCluster kafka) {
        java.util.Set<String> seen = new java.util.HashSet<>(enriched(kafka));
        List<String> absent = java.util.stream.IntStream.range(0, ARTICLES).mapToObj(i -> "r" + i)
                .filter(id -> !seen.contains(id)).toList();
        // a missing article the enriched topic holds in an aborted transaction was processed once, then dropped
        java.util.Set<String> aborted = new java.util.HashSet<>();
        try (var everything = io.mediamonitor.kafka.TopicFollower.bytes(kafka.clientConfig(),
                topics.articlesEnriched().name()).committedOnly(false).build()) {
            everything.readToEnd(Duration.ofSeconds(30), record -> aborted.add(
                    new String(record.key(), java.nio.charset.StandardCharsets.UTF_8)));
        }
        long processedThenAborted = absent.stream().filter(aborted::contains).count();
        // and one the raw topic no longer holds was lost before the job could read it
        java.util.Map<String, String> raw = new java.util.HashMap<>();
        try (var input = io.mediamonitor.kafka.TopicFollower.bytes(kafka.clientConfig(),
                topics.articlesRaw().name()).build()) {
            input.readToEnd(Duration.ofSeconds(30), record -> raw.put(
                    new String(record.key(), java.nio.charset.StandardCharsets.UTF_8),
                    record.partition() + "@" + record.offset()));
        }
        List<String> inRaw = absent.stream().filter(raw::containsKey).map(id -> id + "=" + raw.get(id)).toList();
        return absent.size() + " missing, e.g. " + absent.subList(0, Math.min(10, absent.size())) + " (last "
                + (absent.isEmpty() ? "-" : absent.get(absent.size() - 1)) + "), " + processedThenAborted
                + " of them written in an aborted transaction, " + inRaw.size() + " of them in the raw topic "
                + inRaw.subList(0, Math.min(10, inRaw.size())) + " of its " + raw.size() + " records; dead letters: "
                + deadLetters(kafka);
    }

    /** The reasons of the dead letters, counted. */
    private String deadLetters(KafkaTestCluster kafka) {
        Map<String, Integer> reasons = new java.util.TreeMap<>();
        try (var letters = io.mediamonitor.kafka.TopicFollower.bytes(kafka.clientConfig(),
                topics.deadLetter().name()).build()) {
            letters.readToEnd(Duration.ofSeconds(30), record -> {
                var reason = record.headers().lastHeader("reason");
                reasons.merge(reason == null ? "(no reason)" : new String(reason.value(),
                        java.nio.charset.StandardCharsets.UTF_8), 1, Integer::sum);
            });
        }
        return reasons.toString();
    }

    /** Where the job's group stands on each input partition: committed offset, against the partition's start and end. */
    private String groupProgress(KafkaTestCluster kafka) {
        try (Admin admin = kafka.admin()) {
            var committed = admin.listConsumerGroupOffsets("restart-it").partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> earliest = new HashMap<>();
            committed.keySet().forEach(tp -> {
                latest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest());
                earliest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.earliest());
            });
            var ends = admin.listOffsets(latest, new org.apache.kafka.clients.admin.ListOffsetsOptions(
                    org.apache.kafka.common.IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS);
            var starts = admin.listOffsets(earliest).all().get(30, TimeUnit.SECONDS);
            StringBuilder b = new StringBuilder();
            committed.forEach((tp, offset) -> {
                long end = ends.get(tp).offset();
                if (offset == null || offset.offset() != end) {
                    b.append(tp).append(" committed ").append(offset == null ? "none" : offset.offset())
                            .append(" of [").append(starts.get(tp).offset()).append(", ").append(end).append("); ");
                }
            });
            return b.length() == 0 ? "every input read to its end (" + committed.size() + " partitions)" : b.toString();
        } catch (Exception e) {
            return "(group offsets unavailable: " + e + ")";
        }
    }

    /** Every partition, internal topics included, whose last stable offset lags what was written: open transactions. */
    private String openTransactions(KafkaTestCluster kafka) {
        try (Admin admin = kafka.admin()) {
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(admin.listTopics().names().get(30, TimeUnit.SECONDS)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).values().forEach(t -> t.partitions().forEach(p -> latest.put(
                            new org.apache.kafka.common.TopicPartition(t.name(), p.partition()),
                            org.apache.kafka.clients.admin.OffsetSpec.latest())));
            var committed = admin.listOffsets(latest, new org.apache.kafka.clients.admin.ListOffsetsOptions(
                    org.apache.kafka.common.IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS);
            var written = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            StringBuilder b = new StringBuilder();
            for (var tp : latest.keySet()) {
                if (committed.get(tp).offset() < written.get(tp).offset()) {
                    b.append(tp).append(": stable ").append(committed.get(tp).offset()).append(" / written ")
                            .append(written.get(tp).offset()).append(' ')
                            .append(admin.describeProducers(java.util.List.of(tp)).all().get(30, TimeUnit.SECONDS)
                                    .get(tp).activeProducers()).append("; ");
                }
            }
            return b.length() == 0 ? "no open transaction anywhere" : b.toString();
        } catch (Exception e) {
            return "(offsets unavailable: " + e + ")";
        }
    }

    /**
     * Sends the articles as a steady flow, every send checked: a send the producer gave up on fails the test here,
     * not as a "missing" article downstream. The first ones go one at a time, each acknowledged, until every
     * partition has taken one: a new partition can answer NOT_LEADER for a batch it did take while a later batch
     * succeeds, after which the idempotent producer fails the first as out of sequence (KAFKA-14359).
     */
    private void produce(KafkaTestCluster kafka) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        java.util.Queue<Exception> failed = new java.util.concurrent.ConcurrentLinkedQueue<>();
        try (var producer = new KafkaProducer<>(config, new StringSerializer(),
                topics.articlesRaw().valueSerde().serializer())) {
            java.util.Set<Integer> primed = new java.util.HashSet<>();
            int partitions = producer.partitionsFor(topics.articlesRaw().name()).size();
            for (int i = 0; i < ARTICLES; i++) {
                Article article = EnrichTopologyTest.article("r" + i, "Source " + (i % 7),
                        "Dépêche " + i + " sur le Mali", START.plusSeconds(30L * i));
                ProducerRecord<String, Article> record =
                        new ProducerRecord<>(topics.articlesRaw().name(), article.getId(), article);
                if (primed.size() < partitions) {
                    primed.add(producer.send(record).get(60, TimeUnit.SECONDS).partition());
                } else {
                    producer.send(record, (metadata, e) -> {
                        if (e != null) {
                            failed.add(e);
                        }
                    });
                }
                if (i % 100 == 99) {
                    Thread.sleep(250); // a steady flow, so the restart falls in the middle of it
                }
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("the test could not send its articles", e);
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException(failed.size() + " articles were not sent", failed.peek());
        }
    }

    private List<String> enriched(KafkaTestCluster kafka) {
        return TopicReader.readToEnd(kafka.bootstrapServers(), topics.articlesEnriched().name(),
                new StringDeserializer(), new ByteArrayDeserializer(), Duration.ofSeconds(30)).stream()
                .map(ConsumerRecord::key).toList();
    }

    private int storiesInHourlyWindows(KafkaTestCluster kafka, String term) {
        Map<Instant, Integer> latest = new HashMap<>();
        for (var record : TopicReader.readToEnd(kafka.bootstrapServers(), topics.mentions().name(),
                new StringDeserializer(), topics.mentions().valueSerde().deserializer(), Duration.ofSeconds(30))) {
            MentionCount count = record.value();
            if (term.equals(record.key()) && count.getWindowStart().getEpochSecond() % 3600 == 0) {
                latest.put(count.getWindowStart(), count.getStories()); // one partition per term: in order
            }
        }
        return latest.values().stream().mapToInt(Integer::intValue).sum();
    }
}
