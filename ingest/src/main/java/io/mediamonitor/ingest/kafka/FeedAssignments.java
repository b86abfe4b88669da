package io.mediamonitor.ingest.kafka;

import io.mediamonitor.kafka.ClientConfigs;
import io.mediamonitor.model.Feed;
import io.mediamonitor.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feeds this instance owns: the consumer group over the compacted {@code feeds} topic hands
 * each instance some partitions, and the instance polls the feeds keyed into them, so no feed is
 * polled twice and the feeds of a lost instance move to the others. Each assigned partition is
 * read from its beginning (the topic is the registry; offsets are never committed); a tombstone
 * removes a feed.
 */
public final class FeedAssignments implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedAssignments.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topics topics;
    private final ConcurrentMap<String, Feed> owned = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Set<String>> byPartition = new HashMap<>();
    private final Map<TopicPartition, Long> pendingEnd = new ConcurrentHashMap<>();
    private volatile boolean assigned;
    private volatile boolean running = true;
    private final Thread thread;

    public FeedAssignments(Map<String, Object> kafka, Topics topics, String groupId) {
        // offsets are never committed: the feeds are re-read from the start of each assigned partition
        this.consumer = new KafkaConsumer<>(ClientConfigs.member(kafka, groupId, "media-monitor-ingest-feeds", Map.of()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        this.thread = new Thread(this::run, "ingest-feed-assignments");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Waits until partitions are assigned and read up to their end. Returns false on timeout. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(assigned && pendingEnd.isEmpty())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** A snapshot of the feeds owned now, by URL. */
    public Map<String, Feed> owned() {
        return Map.copyOf(owned);
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topics.feeds().name()), new Listener());
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                pendingEnd.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("Feed assignment consumer stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        String url = new String(record.key(), StandardCharsets.UTF_8);
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (record.value() == null) {
            if (owned.remove(url) != null) {
                log.info("Feed removed: {}", url);
            }
            byPartition.getOrDefault(partition, Set.of()).remove(url);
            return;
        }
        try {
            Feed feed = topics.feeds().valueSerde().deserializer().deserialize(record.topic(), record.value());
            owned.put(url, feed);
            byPartition.computeIfAbsent(partition, p -> new java.util.HashSet<>()).add(url);
        } catch (RuntimeException e) {
            log.warn("Skipping unreadable feed {} at offset {}: {}", url, record.offset(), e.getMessage());
        }
    }

    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            end.forEach((p, offset) -> {
                if (offset > 0) {
                    pendingEnd.put(p, offset);
                }
            });
            assigned = true;
            log.info("Assigned feed partitions {}", partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            drop(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            drop(partitions);
        }

        private void drop(Collection<TopicPartition> partitions) {
            for (TopicPartition p : partitions) {
                Set<String> urls = byPartition.remove(p);
                if (urls != null) {
                    urls.forEach(owned::remove);
                }
                pendingEnd.remove(p);
            }
            if (!partitions.isEmpty()) {
                log.info("Released feed partitions {}", partitions);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
