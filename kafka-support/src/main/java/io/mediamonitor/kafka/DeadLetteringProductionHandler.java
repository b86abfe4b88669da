package io.mediamonitor.kafka;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record a job cannot write (it fails to serialize, or a {@link BoundedSerde} refuses it) goes to the dead-letter
 * topic as its input was read, bounded. A dead letter that itself cannot be written is logged and skipped (Streams
 * counts it in {@code dropped-records-total}), never dead-lettered again: the path cannot recurse. Retriable send
 * errors are retried, as Kafka's default handler does.
 */
public final class DeadLetteringProductionHandler implements ProductionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetteringProductionHandler.class);

    private DeadLetterTopic deadLetters = DeadLetterTopic.from(Map.of());
    private Map<String, ?> configs = Map.of();

    @Override
    public void configure(Map<String, ?> configs) {
        this.configs = new HashMap<>(configs); // values may be null
        deadLetters = DeadLetterTopic.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        if (deadLetters.is(record.topic())) {
            return skipped(context, exception);
        }
        return Response.resume(deadLetters.handOver(deadLetters.letters(log, "Record not written to "
                + record.topic() + ", from", context, record.key(), record.value(), exception), context.topic(),
                configs, log));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        if (deadLetters.is(record.topic())) {
            return skipped(context, exception);
        }
        return Response.resume(deadLetters.handOver(deadLetters.letters(log, "Record not written to "
                + record.topic() + " (" + origin.toString().toLowerCase(Locale.ROOT) + "), from", context,
                context.sourceRawKey(), context.sourceRawValue(), exception), context.topic(), configs, log));
    }

    private static Response skipped(ErrorHandlerContext context, Exception exception) {
        log.error("A dead letter for {}-{} offset {} could not be written ({}); skipped",
                context.topic(), context.partition(), context.offset(), DeadLetters.reason(exception));
        return Response.resume();
    }
}
