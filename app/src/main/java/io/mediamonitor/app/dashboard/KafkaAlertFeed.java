package io.mediamonitor.app.dashboard;

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
    private final TopicTail<String, Alert> tail;

    /** @param clientConfig bootstrap servers and security settings; consumer settings are the feed's own */
    public KafkaAlertFeed(Topics topics, Map<String, Object> clientConfig, int capacity) {
        this.board = new AlertBoard(capacity);
        this.tail = new TopicTail<>(topics.alerts(), clientConfig, (term, alert) -> {
            if (alert != null) {
                board.offer(alert);
            }
        });
    }

    public KafkaAlertFeed start() {
        tail.start();
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
