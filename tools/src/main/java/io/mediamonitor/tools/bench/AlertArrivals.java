package io.mediamonitor.tools.bench;

import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertKind;
import io.mediamonitor.model.AlertStatus;
import io.mediamonitor.schema.Topics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Alert records as they arrive. An alert's {@code triggeredAt} is the publication time of the article
 * whose arrival raised or updated it, and every generated article has a publication millisecond of its
 * own: so each alert maps back to the send time of its article, and arrival − send is the alert latency.
 */
final class AlertArrivals implements TopicArrivals.Handler {

    private static final int MAX_TERMS_LISTED = 12;

    private final Deserializer<Alert> values;
    private final SentArticles sent;
    private final AtomicLong spikes = new AtomicLong();
    private final AtomicLong silences = new AtomicLong();
    private final Map<String, Integer> openedByTerm = new ConcurrentHashMap<>();
    /** Opened alerts whose triggering article is known, and those of them that list it among their articles. */
    private final AtomicLong openedTimed = new AtomicLong();
    private final AtomicLong openedWithTrigger = new AtomicLong();
    private final LatencyRecorder latency = new LatencyRecorder();

    AlertArrivals(Topics topics, SentArticles sent) {
        this.values = topics.alerts().valueSerde().deserializer();
        this.sent = sent;
    }

    @Override
    public void accept(ConsumerRecord<byte[], byte[]> record, long arrivedNanos) {
        Alert alert = values.deserialize(record.topic(), record.value());
        if (alert == null) {
            return;
        }
        (alert.getKind() == AlertKind.SILENCE ? silences : spikes).incrementAndGet();
        if (alert.getStatus() == AlertStatus.OPEN) {
            openedByTerm.merge(alert.getTerm(), 1, Integer::sum);
        }
        Long sentAt = sent.sentAt(alert.getTriggeredAt().toEpochMilli());
        if (sentAt != null) {
            latency.record(arrivedNanos - sentAt);
            if (alert.getStatus() == AlertStatus.OPEN) {
                openedTimed.incrementAndGet();
                // the newest article counted raised it; missing, the alert was judged before that article was
                // recorded (its explanation short): newer articles crowding it out were ruled out (README)
                if (alert.getTopArticles().stream().anyMatch(a -> a.getPublishedAt().equals(alert.getTriggeredAt()))) {
                    openedWithTrigger.incrementAndGet();
                }
            }
        }
    }

    /** What was alerted on, for a reader to judge whether the alerts were the bursts or noise. */
    String summary() {
        String opened = openedByTerm.keySet().stream().sorted().limit(MAX_TERMS_LISTED).collect(Collectors.joining(", "));
        return String.format("%,d alert records in all: %,d on terms, %,d on silent sources (those name no article "
                        + "and are not timed); alerts opened on %d terms%s.", spikes.get() + silences.get(), spikes.get(),
                silences.get(), openedByTerm.size(), openedByTerm.isEmpty() ? ""
                        : " (" + opened + (openedByTerm.size() > MAX_TERMS_LISTED ? ", ..." : "") + ")")
                + String.format(" Of the %,d opened alerts timed, %,d list their triggering article.", openedTimed.get(),
                        openedWithTrigger.get());
    }

    /** Alert records whose triggering article is in {@link SentArticles}. */
    LatencyRecorder latency() {
        return latency;
    }
}
