package io.mediamonitor.tools.bench;

import io.mediamonitor.kafka.StreamsDefaults;
import io.mediamonitor.kafka.StreamsJob;
import io.mediamonitor.model.Article;
import io.mediamonitor.schema.Topic;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.TopicSpec;
import io.mediamonitor.schema.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * What Kafka Streams alone does with the same articles on the same machine: a job with every Streams setting the
 * enrich and alerts jobs run with (exactly-once, lz4, the record cache) that reads each article (Avro) from a
 * scratch topic and writes it unchanged to another, with no state. It is the least any exactly-once job that reads
 * and writes each article once can cost here: the pipeline does that several times over (the story and term
 * repartitions, the stores' changelogs, the outputs) and the work of tagging and counting besides. Timed like
 * the throughput phase, from the first send to the last copy read (read_committed), after a warm-up.
 */
final class StreamsBaseline {

    private StreamsBaseline() {
    }

    static Throughput run(Map<String, Object> clientConfig, Admin admin, String runId, Topics topics, int partitions,
                          List<EncodedArticle> warmup, List<EncodedArticle> articles, Duration timeout,
                          Progress progress) throws Exception {
        String input = runId + "-copy-in";
        String output = runId + "-copy-out";
        new TopicProvisioner(admin, (short) -1)
                .ensure(List.of(scratch(input, partitions), scratch(output, partitions)));
        AtomicLong read = new AtomicLong();
        AtomicLong lastReadNanos = new AtomicLong();
        Path stateDir = Files.createTempDirectory("media-monitor-bench-copy");
        try (CopyJob job = new CopyJob(input, output, topics, clientConfig, runId + "-copy", stateDir);
             TopicArrivals follower = new TopicArrivals(clientConfig, output, (record, at) -> {
                 read.incrementAndGet();
                 lastReadNanos.set(at);
             });
             KafkaProducer<String, byte[]> producer = BenchClients.producer(clientConfig, runId + "-copy")) {
            job.start();
            if (!job.awaitRunning(Duration.ofSeconds(120))) {
                throw new IllegalStateException("the Kafka Streams baseline job did not reach RUNNING within 120 s");
            }
            if (!warmup.isEmpty()) {
                Throughput warm = copy(producer, input, warmup, 0, read, lastReadNanos, follower, timeout, progress,
                        "Kafka Streams warm-up");
                if (!warm.complete()) {
                    // the measured copy would start on a backlog: no figure rather than a wrong one
                    long now = System.nanoTime();
                    return Throughput.between(now, now, 0, articles.size(), false);
                }
            }
            return copy(producer, input, articles, warmup.size(), read, lastReadNanos, follower, timeout, progress,
                    "Kafka Streams baseline");
        } finally {
            admin.deleteTopics(List.of(input, output));
            try (Stream<Path> files = Files.walk(stateDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * Sends {@code articles} and waits until their copies are read ({@code before} copies having been read earlier),
     * timed from the first send to the last copy read.
     */
    private static Throughput copy(KafkaProducer<String, byte[]> producer, String input, List<EncodedArticle> articles,
                                   int before, AtomicLong read, AtomicLong lastReadNanos, TopicArrivals follower,
                                   Duration timeout, Progress progress, String phase) throws Exception {
        // every partition takes a lone write before the clock starts, as for the other phases (KAFKA-14359)
        int primed = BenchClients.primeWith(producer, input, articles);
        long start = System.nanoTime();
        for (EncodedArticle article : articles.subList(primed, articles.size())) {
            producer.send(new ProducerRecord<>(input, article.id(), article.value()));
        }
        producer.flush();
        boolean complete = Deadline.after(timeout).await(() -> {
            follower.check();
            progress.report(phase, read.get() - before, articles.size());
            return read.get() - before >= articles.size();
        });
        return Throughput.between(start, complete ? lastReadNanos.get() : System.nanoTime(), read.get() - before,
                articles.size(), complete);
    }

    private static Topic<byte[], byte[]> scratch(String name, int partitions) {
        return new Topic<>(name, Serdes.ByteArray(), Serdes.ByteArray(),
                TopicSpec.deleting(partitions, Duration.ofDays(1)), "article id", "Article (Avro)");
    }

    /** The copying job: the project's Streams job lifecycle and defaults around a read and a write. */
    private static final class CopyJob extends StreamsJob {

        CopyJob(String input, String output, Topics topics, Map<String, Object> clientConfig, String applicationId,
                Path stateDir) {
            super("Kafka Streams baseline", copying(input, output, topics), StreamsDefaults.base(applicationId,
                    clientConfig, topics.deadLetter().name(), stateDir.toString()));
        }

        private static Topology copying(String input, String output, Topics topics) {
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(input, Consumed.with(Serdes.String(), topics.articlesRaw().valueSerde()).withName("read"))
                    .to(output, Produced.<String, Article>with(Serdes.String(), topics.articlesRaw().valueSerde())
                            .withName("write"));
            return builder.build();
        }
    }
}
