package io.mediamonitor.tools.bench;

import io.mediamonitor.model.MentionCount;
import io.mediamonitor.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Follows the whole volume on the totals topic (compacted, key = window start). With hopping windows
 * of size/advance = 6, every article enrich counts lands in exactly 6 windows of {@code total:articles},
 * so the sum over window keys of each key's latest {@code articles} is 6 × the articles counted.
 */
final class MentionTotals implements TopicArrivals.Handler {

    private final Deserializer<MentionCount> values;
    private final Map<String, Integer> latest = new HashMap<>();
    private final AtomicLong sum = new AtomicLong();
    private final AtomicLong lastChangeNanos = new AtomicLong();

    MentionTotals(Topics topics) {
        this.values = topics.mentionTotals().valueSerde().deserializer();
    }

    @Override
    public void accept(ConsumerRecord<byte[], byte[]> record, long arrivedNanos) {
        String window = new String(record.key(), StandardCharsets.UTF_8);
        MentionCount count = values.deserialize(record.topic(), record.value());
        int articles = count == null ? 0 : count.getArticles();
        Integer before = latest.put(window, articles);
        int delta = articles - (before == null ? 0 : before);
        if (delta != 0) {
            sum.addAndGet(delta);
            lastChangeNanos.set(arrivedNanos);
        }
    }

    /** Σ over windows of the latest article count: 6 × the articles counted so far. */
    long windowArticles() {
        return sum.get();
    }

    long lastChangeNanos() {
        return lastChangeNanos.get();
    }
}
