package io.mediamonitor.tools.bench;

import io.mediamonitor.kafka.TopicFollower;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads every committed record of one topic on its own thread, from the beginning, and hands each to
 * a handler with the moment ({@link System#nanoTime()}) it arrived: that moment is the record's arrival in every
 * figure the benchmark prints. The project's {@link TopicFollower}, with the time taken.
 */
final class TopicArrivals implements AutoCloseable {

    /** What to do with one record; called on the reader's thread only. */
    interface Handler {
        void accept(ConsumerRecord<byte[], byte[]> record, long arrivedNanos);
    }

    private final TopicFollower<byte[], byte[]> follower;

    TopicArrivals(Map<String, Object> clientConfig, String topic, Handler handler) {
        follower = TopicFollower.bytes(clientConfig, topic).clientId("bench-follow-" + topic).waitForTopics().build()
                .follow("bench-follow-" + topic, record -> handler.accept(record, System.nanoTime()));
    }

    /** Throws what stopped the reader, if anything did: a silent reader would turn into a timeout. */
    void check() {
        RuntimeException failure = follower.failure();
        if (failure != null) {
            throw new IllegalStateException("reading failed: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
