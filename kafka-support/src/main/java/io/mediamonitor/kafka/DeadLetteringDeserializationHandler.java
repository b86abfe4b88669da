package io.mediamonitor.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A record a job cannot read (garbage, truncated, null, too large) goes to the dead-letter topic, bounded. */
public final class DeadLetteringDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetteringDeserializationHandler.class);

    private DeadLetterTopic deadLetters = DeadLetterTopic.from(Map.of());
    private Map<String, ?> configs = Map.of();

    @Override
    public void configure(Map<String, ?> configs) {
        this.configs = new HashMap<>(configs); // values may be null
        deadLetters = DeadLetterTopic.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        List<ProducerRecord<byte[], byte[]>> letters = deadLetters.letters(log, "Unreadable record", context,
                record.key(), record.value(), exception);
        return Response.resume(deadLetters.handOver(letters, context.topic(), configs, log));
    }
}
