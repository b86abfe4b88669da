package io.mediamonitor.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.internals.GlobalStreamThread;
import org.slf4j.Logger;

/**
 * Dead letters of the records a global table (dictionary, watchlist, window totals) cannot read or process. Kafka
 * Streams gives its global thread no producer, and fails on a handler's dead letters there (a ClassCastException,
 * then a thread it cannot replace): one unreadable entry stopped the job, and every start after it, the table being
 * read whole at start. These letters go through a producer of their own, one per application, outside any
 * transaction as the global tables' reads are, closed with the job ({@link StreamsJob#close()}).
 */
final class GlobalDeadLetters {

    private static final long SEND_TIMEOUT_SECONDS = 30;
    private static final Map<String, Producer<byte[], byte[]>> PRODUCERS = new ConcurrentHashMap<>();

    private GlobalDeadLetters() {
    }

    /** Whether the caller is a global table's thread, where Streams cannot take a handler's dead letters. */
    static boolean onGlobalThread() {
        return Thread.currentThread() instanceof GlobalStreamThread;
    }

    /** Writes the letters and waits for them; a letter that cannot be written is logged, and the record skipped. */
    static void send(Map<String, ?> configs, List<ProducerRecord<byte[], byte[]>> letters, Logger log) {
        if (letters.isEmpty()) {
            return;
        }
        String application = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
        Producer<byte[], byte[]> producer = PRODUCERS.computeIfAbsent(application, a -> create(configs, a));
        for (ProducerRecord<byte[], byte[]> letter : letters) {
            try {
                producer.send(letter).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.error("A dead letter for {} could not be written ({}); skipped", letter.topic(),
                        DeadLetters.reason(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Closes the application's producer, if a letter ever opened one. */
    static void close(String application) {
        Producer<byte[], byte[]> producer = PRODUCERS.remove(application);
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(SEND_TIMEOUT_SECONDS));
        }
    }

    private static Producer<byte[], byte[]> create(Map<String, ?> configs, String application) {
        Map<String, Object> settings = new StreamsConfig(configs).getProducerConfigs(application + "-global-dead-letters");
        settings.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
