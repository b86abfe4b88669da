package io.mediamonitor.app.jobs;

import io.mediamonitor.kafka.ClientConfigs;
import io.mediamonitor.schema.Topic;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes operator records (watchlist, dictionary, feeds) to their compacted topics, acknowledged. */
public final class TopicWriter {

    private TopicWriter() {
    }

    /** Writes each entry (a null value is a tombstone) and waits until the cluster has them all. */
    public static <V> void write(Map<String, Object> clientConfig, Topic<String, V> topic, Map<String, V> entries) {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(
                ClientConfigs.producer(clientConfig, "media-monitor-write-" + topic.name()), topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            for (Map.Entry<String, V> entry : entries.entrySet()) {
                producer.send(new ProducerRecord<>(topic.name(), entry.getKey(), entry.getValue()))
                        .get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write to " + topic.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic.name(), e);
        }
    }
}
