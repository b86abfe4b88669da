package io.mediamonitor.ingest.kafka;

import io.mediamonitor.kafka.TopicFollower;
import io.mediamonitor.model.FeedStatus;
import io.mediamonitor.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code articles.raw} (keys only) and {@code feeds.status} from the beginning, then keeps
 * following them: the published ids fill {@link SeenIds} so no instance republishes what any
 * instance published, and the latest status of every feed (validators, failures) is at hand when a
 * feed moves to this instance or the instance restarts.
 */
public final class TopicTail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicTail.class);

    private final TopicFollower<byte[], byte[]> follower;
    private final Topics topics;
    private final SeenIds seen;
    private final ConcurrentMap<String, FeedStatus> statuses = new ConcurrentHashMap<>();

    public TopicTail(Map<String, Object> kafka, Topics topics, SeenIds seen) {
        // keys only for the ids; the statuses decoded here, so an unreadable one is skipped, not fatal
        this.follower = TopicFollower.bytes(kafka, topics.articlesRaw().name(), topics.feedsStatus().name())
                .clientId("media-monitor-ingest-tail").build();
        this.topics = topics;
        this.seen = seen;
    }

    /** Reads both topics up to their current end; returns the number of records read. */
    public long restore(Duration timeout) {
        long read = follower.readToEnd(timeout, this::apply);
        log.info("Restored {} published ids and {} feed statuses ({} records)", seen.size(), statuses.size(), read);
        return read;
    }

    /** Follows both topics in a background thread until closed. */
    public void follow() {
        follower.follow("ingest-topic-tail", this::apply);
    }

    /** The latest status seen for {@code feedUrl}, or null. */
    public FeedStatus status(String feedUrl) {
        return statuses.get(feedUrl);
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        String statusTopic = topics.feedsStatus().name();
        String key = new String(record.key(), StandardCharsets.UTF_8);
        if (!record.topic().equals(statusTopic)) {
            seen.add(key);
        } else if (record.value() == null) {
            statuses.remove(key);
        } else {
            try {
                statuses.put(key, topics.feedsStatus().valueSerde().deserializer().deserialize(statusTopic, record.value()));
            } catch (RuntimeException e) {
                log.warn("Skipping unreadable status of {} at offset {}: {}", key, record.offset(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
