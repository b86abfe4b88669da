package io.mediamonitor.tools.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Articles arriving on the enriched topic (key: article id). Counts the ids of the phase being
 * waited for, times the last of them, and, for articles whose send time is known, records send →
 * arrival latency.
 */
final class EnrichedArrivals implements TopicArrivals.Handler {

    private final Map<String, Long> awaited = new ConcurrentHashMap<>();
    private final AtomicLong arrived = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong lastArrivalNanos = new AtomicLong();
    private final LatencyRecorder latency = new LatencyRecorder();

    /** Awaits an article; with its send time ({@link System#nanoTime()}), or 0 to count it without timing it. */
    void await(String id, long sentNanos) {
        awaited.put(id, sentNanos);
    }

    /** Forgets the current phase's ids and counters. */
    void reset() {
        awaited.clear();
        arrived.set(0);
    }

    @Override
    public void accept(ConsumerRecord<byte[], byte[]> record, long arrivedNanos) {
        total.incrementAndGet();
        Long sent = awaited.remove(new String(record.key(), StandardCharsets.UTF_8));
        if (sent != null) {
            arrived.incrementAndGet();
            lastArrivalNanos.set(arrivedNanos);
            if (sent != 0) {
                latency.record(arrivedNanos - sent);
            }
        }
    }

    /** Awaited articles that arrived since the last reset. */
    long arrived() {
        return arrived.get();
    }

    /** Every enriched record read, awaited or not. */
    long total() {
        return total.get();
    }

    long lastArrivalNanos() {
        return lastArrivalNanos.get();
    }

    LatencyRecorder latency() {
        return latency;
    }
}
