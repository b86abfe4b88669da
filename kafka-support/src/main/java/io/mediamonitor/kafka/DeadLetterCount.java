package io.mediamonitor.kafka;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who hears of each record set aside on the dead-letter topic, by the topic it came from: the app's metrics. Kafka
 * Streams builds its exception handlers from their class names, so they cannot be handed a counter; they report
 * here, as does every other writer of dead letters. Under exactly-once a letter is counted when it is handed to
 * Kafka, so a transaction aborted and retried counts it again, as Kafka's own send counts do.
 */
public final class DeadLetterCount {

    private static final List<Consumer<String>> LISTENERS = new CopyOnWriteArrayList<>();

    private DeadLetterCount() {
    }

    /** Hears of every dead letter from now on, until the returned handle is closed. */
    public static AutoCloseable listen(Consumer<String> sourceTopic) {
        LISTENERS.add(sourceTopic);
        return () -> LISTENERS.remove(sourceTopic);
    }

    /** A record of {@code sourceTopic} was set aside. */
    public static void written(String sourceTopic) {
        String source = sourceTopic == null ? "unknown" : sourceTopic;
        LISTENERS.forEach(listener -> listener.accept(source));
    }
}
