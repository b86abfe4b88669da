package io.mediamonitor.app.dashboard;

import io.mediamonitor.schema.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one whole topic from its beginning and then follows it, on its own thread: every
 * partition assigned by hand, no consumer group and no commits, so each dashboard rebuilds its
 * view from the log and never disturbs other readers. Reads committed records only (the Streams
 * jobs write exactly-once). A record that cannot be decoded is logged and skipped.
 */
final class TopicTail<K, V> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicTail.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Topic<K, V> topic;
    private final KafkaConsumer<K, V> consumer;
    private final BiConsumer<K, V> sink;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean caughtUp;
    private boolean started;

    TopicTail(Topic<K, V> topic, Map<String, Object> clientConfig, BiConsumer<K, V> sink) {
        this.topic = topic;
        this.sink = sink;
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "dashboard-" + topic.name() + "-" + UUID.randomUUID());
        this.consumer = new KafkaConsumer<>(config, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        this.thread = new Thread(this::run, "dashboard-tail-" + topic.name());
        this.thread.setDaemon(true);
    }

    TopicTail<K, V> start() {
        started = true;
        thread.start();
        return this;
    }

    /** True once every record present when reading started has been handed over. */
    boolean caughtUp() {
        return caughtUp;
    }

    private void run() {
        try {
            Map<TopicPartition, Long> startEnds = assignAll();
            while (!closed) {
                try {
                    for (ConsumerRecord<K, V> record : consumer.poll(POLL)) {
                        sink.accept(record.key(), record.value());
                    }
                } catch (RecordDeserializationException e) {
                    log.warn("Skipping undecodable record {}@{} on {}: {}", e.topicPartition(), e.offset(),
                            topic.name(), e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
                if (!caughtUp) {
                    caughtUp = startEnds.entrySet().stream()
                            .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                log.error("Reading {} stopped unexpectedly", topic.name(), e);
            }
        } catch (RuntimeException e) {
            if (!closed) {
                log.error("Reading {} stopped", topic.name(), e);
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Assigns every partition, waiting for the topic to exist; returns the end offsets at that time. */
    private Map<TopicPartition, Long> assignAll() {
        while (!closed) {
            try {
                List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(5)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                if (!partitions.isEmpty()) {
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    return consumer.endOffsets(partitions);
                }
                log.info("Topic {} not there yet; the dashboard waits for it", topic.name());
            } catch (TimeoutException e) {
                log.info("No metadata for {} yet ({}); retrying", topic.name(), e.getMessage());
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new WakeupException();
    }

    @Override
    public void close() {
        closed = true;
        if (!started) {
            consumer.close(Duration.ZERO);
            return;
        }
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
