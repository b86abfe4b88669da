package io.mediamonitor.tools.bench;

import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Mention counts as they arrive. A count's record time is the publication time of the newest article its window
 * counted, so the first count stamped with an article's time is the first to include it: arrival − send is the
 * latency to the counts, the part of an alert's latency spent before the alerts job has the count.
 */
final class CountArrivals implements TopicArrivals.Handler {

    private final SentArticles sent;
    /** Publication times already timed: later counts of the same windows carry them again. Reader thread only. */
    private final Set<Long> timed = new HashSet<>();
    private final LatencyRecorder latency = new LatencyRecorder();

    CountArrivals(SentArticles sent) {
        this.sent = sent;
    }

    @Override
    public void accept(ConsumerRecord<byte[], byte[]> record, long arrivedNanos) {
        Long sentAt = sent.sentAt(record.timestamp());
        if (sentAt != null && timed.add(record.timestamp())) {
            latency.record(arrivedNanos - sentAt);
        }
    }

    /** The first count of each article that was the newest of a window when the count was written. */
    LatencyRecorder latency() {
        return latency;
    }
}
