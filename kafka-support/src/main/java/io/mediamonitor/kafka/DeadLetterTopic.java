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

    /**
     * What a handler answers Streams with: the letters to write with the transaction, counted as handed over; on a
     * global table's thread, which has no producer, none: they are written apart ({@link GlobalDeadLetters}).
     */
    List<ProducerRecord<byte[], byte[]>> handOver(List<ProducerRecord<byte[], byte[]>> letters, String sourceTopic,
                                                  Map<String, ?> configs, Logger log) {
        if (GlobalDeadLetters.onGlobalThread()) {
            GlobalDeadLetters.send(configs, letters, sourceTopic, log);
            return List.of();
        }
        letters.forEach(letter -> DeadLetterCount.written(sourceTopic));
        return letters;
    }

    /** The dead letter of a failed record (none without a dead-letter topic), logged with where it came from. */
    List<ProducerRecord<byte[], byte[]>> letters(Logger log, String what, ErrorHandlerContext origin, byte[] key,
                                                 byte[] value, Exception exception) {
        log.warn("{} {}-{} offset {} ({}): {}; {}", what, origin.topic(), origin.partition(), origin.offset(),
                origin.processorNodeId() == null ? "source" : origin.processorNodeId(), DeadLetters.reason(exception),
                name == null ? "skipped" : "sent to " + name);
        log.debug("{} failed with", what, exception);
        return name == null ? List.of() : List.of(DeadLetters.of(name, origin, key, value, exception));
    }
}
