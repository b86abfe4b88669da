package io.mediamonitor.tools.bench;

import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertKind;
import io.mediamonitor.schema.Topics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Alert records as they arrive. An alert's {@code triggeredAt} is the publication time of the article
 * whose arrival raised or updated it, and every generated article has a publication millisecond of its
 * own: so each alert maps back to the send time of its article, and arrival − send is the alert latency.
 */
final class AlertArrivals implements TopicFollower.Handler {

    private final Deserializer<Alert> values;
    private final Map<Long, Long> sentByPublishedAt = new ConcurrentHashMap<>();
    private final AtomicLong spikes = new AtomicLong();
    private final AtomicLong silences = new AtomicLong();
    private final LatencyRecorder latency = new LatencyRecorder();

    AlertArrivals(Topics topics) {
        this.values = topics.alerts().valueSerde().deserializer();
    }

    /** Makes alerts triggered by this article measurable. */
    void sent(long publishedAt, long sentNanos) {
        sentByPublishedAt.put(publishedAt, sentNanos);
    }

    @Override
    public void accept(ConsumerRecord<byte[], byte[]> record, long arrivedNanos) {
        Alert alert = values.deserialize(record.topic(), record.value());
        if (alert == null) {
            return;
        }
        (alert.getKind() == AlertKind.SILENCE ? silences : spikes).incrementAndGet();
        Long sent = sentByPublishedAt.get(alert.getTriggeredAt().toEpochMilli());
        if (sent != null) {
            latency.record(arrivedNanos - sent);
        }
    }

    /** Spike and sustained-rise alert records (every revision counts). */
    long termAlerts() {
        return spikes.get();
    }

    /** Silent-source alert records: they name a time, not an article. */
    long silenceAlerts() {
        return silences.get();
    }

    /** Alert records whose triggering article was sent while {@link #sent} was being called. */
    LatencyRecorder latency() {
        return latency;
    }
}
