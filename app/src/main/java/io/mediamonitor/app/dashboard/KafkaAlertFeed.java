package io.mediamonitor.app.dashboard;

import io.mediamonitor.kafka.TopicFollower;
import io.mediamonitor.model.Alert;
import io.mediamonitor.schema.Topics;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The alerts topic, read committed from the beginning, kept as the latest revision per alert id
 * (bounded, newest first); each new revision goes to the subscribers as it arrives.
 */
public final class KafkaAlertFeed implements AlertFeed, AutoCloseable {

    private final AlertBoard board;
    private final TopicFollower<String, Alert> tail;

    /** @param clientConfig bootstrap servers and security settings; consumer settings are the feed's own */
    public KafkaAlertFeed(Topics topics, Map<String, Object> clientConfig, int capacity) {
        this.board = new AlertBoard(capacity);
        // each dashboard rebuilds its view from the log; it waits for a topic not created yet
        this.tail = TopicFollower.of(topics.alerts(), clientConfig).waitForTopics().build();
    }

    public KafkaAlertFeed start() {
        tail.follow("dashboard-alerts", record -> {
            if (record.value() != null) {
                board.offer(record.value());
            }
        });
        return this;
    }

    /** True once the alerts present at start have all been read. */
    public boolean caughtUp() {
        return tail.caughtUp();
    }

    @Override
    public List<Alert> latest() {
        return board.latest();
    }

    @Override
    public AutoCloseable subscribe(Consumer<Alert> listener) {
        return board.subscribe(listener);
    }

    @Override
    public void close() {
        tail.close();
    }
}
