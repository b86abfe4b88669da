package io.mediamonitor.kafka;

import io.mediamonitor.schema.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads topics as a downstream consumer sees them, the one way every reader of the project does (the jobs' own
 * state, the dashboard, {@code alerts tail}, the benchmark, the tests): every partition assigned by hand, no
 * consumer group, nothing committed, so a reader never disturbs the jobs or their offsets; committed records only
 * unless asked otherwise (the Streams jobs write exactly-once).
 *
 * <p>Read to the end ({@link #readToEnd}: the end offsets the topics have when reading starts, or a failure at the
 * deadline, never part of the topic), then follow ({@link #follow}, on a thread of its own), or poll at one's own
 * pace ({@link #poll}). A record whose key or value cannot be decoded is logged and skipped: one bad record must not
 * stop a reader.
 */
public final class TopicFollower<K, V> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_WAIT = Duration.ofSeconds(10);

    private final KafkaConsumer<K, V> consumer;
    private final List<String> topics;
    private final boolean fromEnd;
    private final long lastPerPartition;
    private final boolean waitForTopics;
    private Map<TopicPartition, Long> startEnds;
    private volatile boolean closed;
    private volatile boolean caughtUp;
    private volatile RuntimeException failure;
    private Thread thread;

    private TopicFollower(Builder<K, V> builder) {
        String clientId = builder.clientId != null ? builder.clientId
                : "media-monitor-follow-" + String.join("+", builder.topics) + "-" + UUID.randomUUID().toString()
                        .substring(0, 8);
        this.consumer = new KafkaConsumer<>(ClientConfigs.reader(builder.clientConfig, clientId, builder.committedOnly),
                builder.keys, builder.values);
        this.topics = List.copyOf(builder.topics);
        this.fromEnd = builder.fromEnd;
        this.lastPerPartition = builder.lastPerPartition;
        this.waitForTopics = builder.waitForTopics;
    }

    /** A follower of one topic of the catalogue, decoding with its serdes. */
    public static <K, V> Builder<K, V> of(Topic<K, V> topic, Map<String, Object> clientConfig) {
        return new Builder<>(clientConfig, topic.keySerde().deserializer(), topic.valueSerde().deserializer(),
                List.of(topic.name()));
    }

    public static <K, V> Builder<K, V> of(Map<String, Object> clientConfig, Deserializer<K> keys,
                                          Deserializer<V> values, String... topics) {
        return new Builder<>(clientConfig, keys, values, List.of(topics));
    }

    /** A follower of raw bytes: it never meets a record it cannot decode. */
    public static Builder<byte[], byte[]> bytes(Map<String, Object> clientConfig, String... topics) {
        return new Builder<>(clientConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                List.of(topics));
    }

    /**
     * Reads every record up to the end offsets the topics have now, handing each to {@code handler}; returns how
     * many it read. Throws {@link DeadlinePassedException} at the deadline: a partial read would pass for lost
     * records.
     */
    public long readToEnd(Duration timeout, Consumer<ConsumerRecord<K, V>> handler) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> end = assign();
        long read = 0;
        while (!reached(end)) {
            if (System.nanoTime() - deadline > 0) {
                throw new DeadlinePassedException("could not read " + String.join(", ", topics) + " to its end offsets "
                        + offsets(end) + " within " + timeout + "; read " + read + " records, at "
                        + offsets(positions(end)));
            }
            read += poll(POLL, handler);
        }
        caughtUp = true;
        return read;
    }

    /**
     * {@link #readToEnd(Duration, Consumer)} as a compacted topic keeps it: the latest value per key, a tombstone
     * removing its key, in the order the keys were last written.
     */
    public Map<K, V> latestToEnd(Duration timeout) {
        Map<K, V> latest = new LinkedHashMap<>();
        readToEnd(timeout, record -> {
            latest.remove(record.key());
            if (record.value() != null) {
                latest.put(record.key(), record.value());
            }
        });
        return latest;
    }

    /** {@link #readToEnd(Duration, Consumer)}, collected. */
    public List<ConsumerRecord<K, V>> readToEnd(Duration timeout) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        readToEnd(timeout, records::add);
        return records;
    }

    /**
     * One poll: hands over the records that came since the last, skipping undecodable ones; returns how many it
     * handed over. Throws {@link WakeupException} when {@link #wakeup()} interrupted it.
     */
    public int poll(Duration timeout, Consumer<ConsumerRecord<K, V>> handler) {
        Map<TopicPartition, Long> end = assign();
        int handed = 0;
        try {
            for (ConsumerRecord<K, V> record : consumer.poll(timeout)) {
                handler.accept(record);
                handed++;
            }
        } catch (RecordDeserializationException e) {
            log.warn("Skipping undecodable record {}@{}: {}", e.topicPartition(), e.offset(), e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
        if (!caughtUp && reached(end)) {
            caughtUp = true;
        }
        return handed;
    }

    /**
     * Follows the topics on a thread of its own until closed, handing every record to {@code handler} on that
     * thread. What stops it early is logged and kept ({@link #failure()}).
     */
    public TopicFollower<K, V> follow(String threadName, Consumer<ConsumerRecord<K, V>> handler) {
        if (thread != null) {
            throw new IllegalStateException("already following");
        }
        thread = new Thread(() -> {
            try {
                while (!closed) {
                    poll(POLL, handler);
                }
            } catch (WakeupException e) {
                if (!closed) {
                    fail(new IllegalStateException("woken up while following", e));
                }
            } catch (RuntimeException e) {
                if (!closed) {
                    fail(e);
                }
            } finally {
                consumer.close(Duration.ofSeconds(2));
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void fail(RuntimeException e) {
        failure = e;
        log.error("Reading {} stopped", String.join(", ", topics), e);
    }

    /** True once every record the topics held when reading started has been handed over. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** What stopped {@link #follow}, or null. */
    public RuntimeException failure() {
        return failure;
    }

    /** Interrupts a {@link #poll} running on another thread. */
    public void wakeup() {
        consumer.wakeup();
    }

    /** Assigns every partition and seeks, once; returns the end offsets at that moment. */
    private Map<TopicPartition, Long> assign() {
        if (startEnds != null) {
            return startEnds;
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            partitions.addAll(partitionsOf(topic));
        }
        consumer.assign(partitions);
        if (fromEnd || lastPerPartition > 0) {
            consumer.seekToEnd(partitions);
            // resolve the lazy seeks now: records written from here on are handed over, none skipped
            partitions.forEach(consumer::position);
            if (lastPerPartition > 0) {
                Map<TopicPartition, Long> first = consumer.beginningOffsets(partitions);
                partitions.forEach(p -> consumer.seek(p, Math.max(first.get(p), consumer.position(p)
                        - lastPerPartition)));
            }
        } else {
            consumer.seekToBeginning(partitions);
        }
        startEnds = consumer.endOffsets(partitions);
        return startEnds;
    }

    private List<TopicPartition> partitionsOf(String topic) {
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_WAIT);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            if (!waitForTopics) {
                throw new MissingTopicException(topic);
            }
            log.info("Topic {} not there yet; waiting for it", topic);
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WakeupException();
            }
            if (closed) {
                throw new WakeupException();
            }
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    private Map<TopicPartition, Long> positions(Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        end.keySet().forEach(p -> positions.put(p, consumer.position(p)));
        return positions;
    }

    private static String offsets(Map<TopicPartition, Long> offsets) {
        return offsets.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(TopicPartition::toString)))
                .map(e -> e.getKey() + "=" + e.getValue()).toList().toString();
    }

    @Override
    public void close() {
        closed = true;
        if (thread == null) {
            consumer.close(Duration.ofSeconds(2));
            return;
        }
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A read to the end that did not get there in time; says how far it got. */
    public static final class DeadlinePassedException extends IllegalStateException {
        DeadlinePassedException(String message) {
            super(message);
        }
    }

    /** How a follower reads; {@link #build()} makes it. */
    public static final class Builder<K, V> {
        private final Map<String, Object> clientConfig;
        private final Deserializer<K> keys;
        private final Deserializer<V> values;
        private final List<String> topics;
        private String clientId;
        private boolean committedOnly = true;
        private boolean fromEnd;
        private long lastPerPartition;
        private boolean waitForTopics;

        private Builder(Map<String, Object> clientConfig, Deserializer<K> keys, Deserializer<V> values,
                        List<String> topics) {
            this.clientConfig = Objects.requireNonNull(clientConfig);
            this.keys = keys;
            this.values = values;
            if (topics.isEmpty()) {
                throw new IllegalArgumentException("a follower needs a topic");
            }
            this.topics = topics;
        }

        /** The client id brokers log and quotas apply to; a unique one by default. */
        public Builder<K, V> clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /** Also records of transactions still open or aborted (read_uncommitted); committed only by default. */
        public Builder<K, V> committedOnly(boolean committedOnly) {
            this.committedOnly = committedOnly;
            return this;
        }

        /** Starts at the end: only records written from now on. From the beginning by default. */
        public Builder<K, V> fromEnd() {
            this.fromEnd = true;
            return this;
        }

        /**
         * Starts at the last {@code offsets} offsets of each partition (fewer where the partition holds fewer):
         * the latest records, not the whole history.
         */
        public Builder<K, V> fromLast(long offsets) {
            this.lastPerPartition = offsets;
            return this;
        }

        /** Waits for a topic that does not exist yet instead of failing. */
        public Builder<K, V> waitForTopics() {
            this.waitForTopics = true;
            return this;
        }

        public TopicFollower<K, V> build() {
            return new TopicFollower<>(this);
        }
    }
}
