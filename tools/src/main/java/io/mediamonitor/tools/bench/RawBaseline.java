package io.mediamonitor.tools.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import io.mediamonitor.schema.Topic;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.TopicSpec;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What Kafka alone does with the same records on the same machine: the articles' keys and Avro bytes
 * sent to a scratch topic of 6 partitions (like the raw topic) by ingest's producer while a
 * read_committed reader follows it. Records per second from the first send to the last record read
 * is the yardstick every pipeline figure is divided by.
 */
final class RawBaseline {

    static final int PARTITIONS = 6;

    /** @param elapsed first send to last record read; {@code complete} false when the deadline passed first */
    record Result(long records, long read, Duration elapsed, boolean complete) {

        double perSecond() {
            return read / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }
    }

    private RawBaseline() {
    }

    /**
     * One record to each partition, alone and acknowledged, before the clock starts: the producer is connected,
     * and every partition has taken a write from it. A new partition can answer NOT_LEADER for a batch it did
     * take while a later batch succeeds, after which the idempotent producer retries the first out of sequence
     * for ever (KAFKA-14359); a partition that has taken a lone write first cannot.
     */
    static void prime(KafkaProducer<String, byte[]> producer, String topic) throws Exception {
        for (int partition = 0; partition < PARTITIONS; partition++) {
            producer.send(new ProducerRecord<>(topic, partition, "prime-" + partition, new byte[0]))
                    .get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    static Result run(Map<String, Object> clientConfig, Admin admin, String topic, List<EncodedArticle> articles,
                      Duration timeout, Progress progress) throws Exception {
        // the scratch topic goes through the provisioner like every topic: created, then led, then written
        new TopicProvisioner(admin, (short) -1).ensure(List.of(new Topic<>(topic, Serdes.ByteArray(),
                Serdes.ByteArray(), TopicSpec.deleting(PARTITIONS, Duration.ofDays(1)), "article id", "Article (Avro)")));
        AtomicLong read = new AtomicLong();
        AtomicLong lastReadNanos = new AtomicLong();
        try (TopicArrivals follower = new TopicArrivals(clientConfig, topic, (record, at) -> {
            read.incrementAndGet();
            lastReadNanos.set(at);
        }); KafkaProducer<String, byte[]> producer = BenchClients.producer(clientConfig, "bench-baseline")) {
            prime(producer, topic);
            long start = System.nanoTime();
            for (EncodedArticle article : articles) {
                producer.send(new ProducerRecord<>(topic, article.id(), article.value()));
            }
            producer.flush();
            Deadline deadline = Deadline.after(timeout);
            boolean complete = deadline.await(() -> {
                follower.check();
                progress.report("baseline", read.get() - PARTITIONS, articles.size());
                return read.get() - PARTITIONS >= articles.size();
            });
            long end = complete ? lastReadNanos.get() : System.nanoTime();
            return new Result(articles.size(), read.get() - PARTITIONS, Duration.ofNanos(end - start), complete);
        } finally {
            admin.deleteTopics(List.of(topic));
        }
    }
}
