package io.mediamonitor.tools.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads every committed record of one topic on its own thread, from the beginning, and hands each to
 * a handler with the moment ({@link System#nanoTime()}) the poll returned it: that moment is the
 * record's arrival in every figure the benchmark prints.
 */
final class TopicFollower implements AutoCloseable {

    /** What to do with one record; called on the follower's thread only. */
    interface Handler {
        void accept(ConsumerRecord<byte[], byte[]> record, long arrivedNanos);
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile RuntimeException failure;

    TopicFollower(Map<String, Object> clientConfig, String topic, Handler handler) {
        consumer = BenchClients.committedReader(clientConfig, "bench-follow-" + topic);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(() -> follow(handler), "bench-follow-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void follow(Handler handler) {
        try {
            while (running.get()) {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    handler.accept(record, now);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Throws what stopped the follower, if anything did: a silent reader would turn into a timeout. */
    void check() {
        if (failure != null) {
            throw new IllegalStateException("reading " + thread.getName() + " failed: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(10_000);
    }
}
