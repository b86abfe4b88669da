package io.mediamonitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetteringHandlersTest {

    private static final Map<String, Object> CONFIG = Map.of(
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "media.deadletter");
    private final byte[] huge = new byte[2 * 1024 * 1024];
    private final FailedRecord origin = FailedRecord.of("media.articles.raw", 2, 9, null, huge);

    @Test
    void anUnreadableRecordResumesWithOneBoundedLetter() {
        var handler = new DeadLetteringDeserializationHandler();
        handler.configure(CONFIG);

        var response = handler.handleError(origin,
                new ConsumerRecord<>("media.articles.raw", 2, 9, null, huge), new RefusedRecordException("too big"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(letter -> {
            assertThat(letter.topic()).isEqualTo("media.deadletter");
            assertThat(letter.value().length).isLessThan(huge.length);
            assertThat(DeadLettersTest.header(letter, DeadLetters.REASON)).isEqualTo("too big");
        });
    }

    @Test
    void everyLetterIsCountedByTheTopicItCameFrom() throws Exception {
        java.util.List<String> counted = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AutoCloseable listening = DeadLetterCount.listen(counted::add)) {
            var handler = new DeadLetteringDeserializationHandler();
            handler.configure(CONFIG);
            handler.handleError(origin, new ConsumerRecord<>("media.articles.raw", 2, 9, null, huge),
                    new RefusedRecordException("too big"));
            var without = new DeadLetteringDeserializationHandler();
            without.configure(Map.of());
            without.handleError(origin, new ConsumerRecord<>("media.articles.raw", 2, 9, null, huge),
                    new RefusedRecordException("too big"));
        }
        DeadLetterCount.written("after.closing");

        assertThat(counted).as("one letter written; none without a dead-letter topic, none heard after closing")
                .containsExactly("media.articles.raw");
    }

    @Test
    void aFailedProcessingStepResumesWithTheInputAsRead() {
        var handler = new DeadLetteringProcessingHandler();
        handler.configure(CONFIG);

        var response = handler.handleError(origin, new Record<>("k", "v", 0L), new IllegalStateException("boom"));

        assertThat(response.deadLetterQueueRecords()).singleElement()
                .satisfies(letter -> assertThat(DeadLettersTest.header(letter, DeadLetters.ORIGINAL_VALUE_SIZE))
                        .isEqualTo(Integer.toString(huge.length)));
    }

    @Test
    void aDeadLetterThatCannotBeWrittenIsSkippedNeverDeadLetteredAgain() {
        var handler = new DeadLetteringProductionHandler();
        handler.configure(CONFIG);

        var response = handler.handleError(origin, new ProducerRecord<>("media.deadletter", null, huge),
                new RecordTooLargeException("too large"));
        var serialization = handler.handleSerializationError(origin, new ProducerRecord<>("media.deadletter", "x"),
                new RefusedRecordException("refused"), SerializationExceptionOrigin.VALUE);

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
        assertThat(serialization.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void anOutputRefusedAtSerializationIsDeadLetteredAsItsInputWasRead() {
        var handler = new DeadLetteringProductionHandler();
        handler.configure(CONFIG);

        var response = handler.handleSerializationError(origin, new ProducerRecord<>("media.articles.enriched", "x"),
                new RefusedRecordException("over the request size"), SerializationExceptionOrigin.VALUE);

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(letter -> {
            assertThat(DeadLettersTest.header(letter, DeadLetters.TOPIC)).isEqualTo("media.articles.raw");
            assertThat(DeadLettersTest.header(letter, DeadLetters.TRUNCATED)).isEqualTo("true");
        });
    }

    @Test
    void aRetriableSendErrorIsRetriedAsKafkasDefaultHandlerDoes() {
        var handler = new DeadLetteringProductionHandler();
        handler.configure(CONFIG);

        var response = handler.handleError(origin, new ProducerRecord<>("media.articles.enriched", null, new byte[1]),
                new TimeoutException("slow broker"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RETRY);
    }

    @Test
    void withoutADeadLetterTopicFailedRecordsAreSkipped() {
        var handler = new DeadLetteringDeserializationHandler();
        handler.configure(Map.of());

        var response = handler.handleError(origin, new ConsumerRecord<>("t", 0, 0, null, huge),
                new RefusedRecordException("too big"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }
}
