package io.mediamonitor.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A record a processor fails on goes to the dead-letter topic as it was read (bounded); the job goes on. */
public final class DeadLetteringProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetteringProcessingHandler.class);

    private DeadLetterTopic deadLetters = DeadLetterTopic.from(Map.of());
    private Map<String, ?> configs = Map.of();

    @Override
    public void configure(Map<String, ?> configs) {
        this.configs = new HashMap<>(configs); // values may be null
        deadLetters = DeadLetterTopic.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        List<ProducerRecord<byte[], byte[]>> letters = deadLetters.letters(log, "Record failed in processing",
                context, context.sourceRawKey(), context.sourceRawValue(), exception);
        return Response.resume(deadLetters.handOver(letters, context.topic(), configs, log));
    }
}
