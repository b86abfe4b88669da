package io.mediamonitor.ingest.kafka;

import io.mediamonitor.ingest.SeenIds;
import io.mediamonitor.model.FeedStatus;
import io.mediamonitor.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code articles.raw} (keys only) and {@code feeds.status} from the beginning, then keeps
 * following them: the published ids fill {@link SeenIds} so no instance republishes what any
 * instance published, and the latest status of every feed (validators, failures) is at hand when a
 * feed moves to this instance or the instance restarts.
 */
public final class TopicTail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicTail.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topics topics;
    private final SeenIds seen;
    private final ConcurrentMap<String, FeedStatus> statuses = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread thread;

    public TopicTail(Map<String, Object> kafka, Topics topics, SeenIds seen) {
        this.consumer = new KafkaConsumer<>(KafkaSettings.reader(kafka, "media-monitor-ingest-tail"));
        this.topics = topics;
        this.seen = seen;
    }

    /** Reads both topics up to their current end; returns the number of records read. */
    public long restore(Duration timeout) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.articlesRaw().name(), topics.feedsStatus().name())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos != null) {
                infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        long read = 0;
        while (!caughtUp(end)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("restoring published ids and feed statuses took longer than " + timeout);
            }
            read += apply(consumer.poll(Duration.ofMillis(200)));
        }
        log.info("Restored {} published ids and {} feed statuses ({} records)", seen.size(), statuses.size(), read);
        return read;
    }

    /** Follows both topics in a background thread until closed. */
    public void follow() {
        running = true;
        thread = new Thread(() -> {
            try {
                while (running) {
                    apply(consumer.poll(Duration.ofMillis(500)));
                }
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                log.error("Following {} and {} stopped", topics.articlesRaw(), topics.feedsStatus(), e);
            } finally {
                consumer.close(Duration.ofSeconds(5));
            }
        }, "ingest-topic-tail");
        thread.setDaemon(true);
        thread.start();
    }

    /** The latest status seen for {@code feedUrl}, or null. */
    public FeedStatus status(String feedUrl) {
        return statuses.get(feedUrl);
    }

    private boolean caughtUp(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private int apply(ConsumerRecords<byte[], byte[]> records) {
        String statusTopic = topics.feedsStatus().name();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.key() == null) {
                continue;
            }
            String key = new String(record.key(), StandardCharsets.UTF_8);
            if (!record.topic().equals(statusTopic)) {
                seen.add(key);
            } else if (record.value() == null) {
                statuses.remove(key);
            } else {
                try {
                    statuses.put(key, topics.feedsStatus().valueSerde().deserializer().deserialize(statusTopic, record.value()));
                } catch (RuntimeException e) {
                    log.warn("Skipping unreadable status of {} at offset {}: {}", key, record.offset(), e.getMessage());
                }
            }
        }
        return records.count();
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            consumer.wakeup();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
