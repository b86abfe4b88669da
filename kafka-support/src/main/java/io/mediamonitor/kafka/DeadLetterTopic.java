package io.mediamonitor.kafka;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;

/**
 * The dead-letter topic a Streams job's exception handlers write to ({@code errors.dead.letter.queue.topic.name}),
 * read from the job's configuration; without one, failed records are only logged and skipped.
 */
final class DeadLetterTopic {

    private final String name;

    private DeadLetterTopic(String name) {
        this.name = name;
    }

    static DeadLetterTopic from(Map<String, ?> configs) {
        Object name = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        return new DeadLetterTopic(name == null ? null : name.toString());
    }

    boolean is(String topic) {
        return name != null && name.equals(topic);
    }

    /** The dead letter of a failed record (none without a dead-letter topic), logged with where it came from. */
    List<ProducerRecord<byte[], byte[]>> letters(Logger log, String what, ErrorHandlerContext origin, byte[] key,
                                                 byte[] value, Exception exception) {
        log.warn("{} {}-{} offset {} ({}): {}; {}", what, origin.topic(), origin.partition(), origin.offset(),
                origin.processorNodeId() == null ? "source" : origin.processorNodeId(), DeadLetters.reason(exception),
                name == null ? "skipped" : "sent to " + name);
        log.debug("{} failed with", what, exception);
        if (name == null) {
            return List.of();
        }
        DeadLetterCount.written(origin.topic());
        return List.of(DeadLetters.of(name, origin, key, value, exception));
    }
}
