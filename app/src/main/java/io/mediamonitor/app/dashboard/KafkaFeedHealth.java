package io.mediamonitor.app.dashboard;

import io.mediamonitor.kafka.TopicFollower;
import io.mediamonitor.model.FeedStatus;
import io.mediamonitor.schema.Topics;
import java.util.List;
import java.util.Map;

/** The compacted feed-status topic, read committed from the beginning: the latest status per feed. */
public final class KafkaFeedHealth implements FeedHealth, AutoCloseable {

    private final FeedBoard board = new FeedBoard();
    private final TopicFollower<String, FeedStatus> tail;

    public KafkaFeedHealth(Topics topics, Map<String, Object> clientConfig) {
        this.tail = TopicFollower.of(topics.feedsStatus(), clientConfig).waitForTopics().build();
    }

    public KafkaFeedHealth start() {
        tail.follow("dashboard-feeds", record -> board.update(record.key(), record.value()));
        return this;
    }

    public boolean caughtUp() {
        return tail.caughtUp();
    }

    @Override
    public List<FeedStatus> feeds() {
        return board.feeds();
    }

    @Override
    public void close() {
        tail.close();
    }
}
