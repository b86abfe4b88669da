package io.mediamonitor.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.internals.GlobalStreamThread;
import org.slf4j.Logger;

/**
 * Dead letters of the records a global table (the dictionary) cannot read or process. Kafka Streams gives its global
 * thread no producer, and fails on a handler's dead letters there (a ClassCastException, then a thread it cannot
 * replace): one unreadable entry stopped the job, and every start after it, the table being read whole at start.
 * These letters go through a producer of their own, outside any transaction as the global tables' reads are: one per
 * application id in the JVM, opened by the first of its jobs to start and closed by the last to close.
 */
final class GlobalDeadLetters {

    /** How long a letter may take, sending included: the global thread waits for it. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Map<String, Shared> PRODUCERS = new HashMap<>();

    /** A producer and the jobs that use it. */
    private static final class Shared {
        final Map<String, ?> configs;
        Producer<byte[], byte[]> producer;
        int jobs;

        Shared(Map<String, ?> configs) {
            this.configs = configs;
        }
    }

    private GlobalDeadLetters() {
    }

    /** Whether the caller is a global table's thread, where Streams cannot take a handler's dead letters. */
    static boolean onGlobalThread() {
        return Thread.currentThread() instanceof GlobalStreamThread;
    }

    /** A job of {@code application} starts: its global thread may write letters until {@link #close}. */
    static synchronized void open(String application, Map<String, ?> configs) {
        PRODUCERS.computeIfAbsent(application, a -> new Shared(new HashMap<>(configs))).jobs++;
    }

    /** A job of {@code application} closed: the last one closes the producer, if a letter ever opened it. */
    static void close(String application) {
        Producer<byte[], byte[]> closing = null;
        synchronized (GlobalDeadLetters.class) {
            Shared shared = PRODUCERS.get(application);
            if (shared != null && --shared.jobs == 0) {
                PRODUCERS.remove(application);
                closing = shared.producer;
            }
        }
        if (closing != null) {
            closing.close(SEND_TIMEOUT);
        }
    }

    /**
     * Writes the letters and waits for them, each counted once Kafka has it; a letter that cannot be written is
     * logged, and its record skipped.
     */
    static void send(Map<String, ?> configs, List<ProducerRecord<byte[], byte[]>> letters, String sourceTopic,
                     Logger log) {
        if (letters.isEmpty()) {
            return;
        }
        Producer<byte[], byte[]> producer = producer(String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG)));
        for (ProducerRecord<byte[], byte[]> letter : letters) {
            try {
                if (producer == null) {
                    throw new KafkaException("the job is closing");
                }
                producer.send(letter).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                DeadLetterCount.written(sourceTopic);
            } catch (ExecutionException | TimeoutException | KafkaException e) {
                log.error("A dead letter for {} could not be written to {} ({}); skipped", sourceTopic,
                        letter.topic(), DeadLetters.reason(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static synchronized Producer<byte[], byte[]> producer(String application) {
        Shared shared = PRODUCERS.get(application);
        if (shared == null) {
            return null;
        }
        if (shared.producer == null) {
            shared.producer = create(shared.configs, application);
        }
        return shared.producer;
    }

    private static Producer<byte[], byte[]> create(Map<String, ?> configs, String application) {
        Map<String, Object> settings = new StreamsConfig(configs).getProducerConfigs(application
                + "-global-dead-letters");
        settings.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        // bounded, unlike exactly-once's producers: the global thread waits for each letter
        int timeout = (int) SEND_TIMEOUT.toMillis();
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout / 2);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        return new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
