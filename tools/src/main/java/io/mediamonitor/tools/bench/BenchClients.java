package io.mediamonitor.tools.bench;

import io.mediamonitor.kafka.ClientConfigs;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The Kafka clients the benchmark itself uses, on the caller's settings (bootstrap.servers and the rest). */
final class BenchClients {

    private BenchClients() {
    }

    /**
     * The producer ingest uses ({@link ClientConfigs#producer}: idempotent, acks from every in-sync
     * replica, lz4, 20 ms linger), so the baseline and the pipeline are fed the way production feeds them.
     */
    static KafkaProducer<String, byte[]> producer(Map<String, Object> base, String clientId) {
        return new KafkaProducer<>(ClientConfigs.producer(base, clientId), new StringSerializer(),
                new ByteArraySerializer());
    }

    /**
     * Sends the first articles one at a time, each acknowledged, until every partition of the topic has taken
     * one, and returns how many it sent. A new partition can answer NOT_LEADER for a batch it did take while a
     * later batch succeeds, after which the idempotent producer retries the first out of sequence for ever
     * (KAFKA-14359); a partition that has taken a lone write first cannot.
     */
    static int primeWith(KafkaProducer<String, byte[]> producer, String topic, List<EncodedArticle> articles)
            throws Exception {
        int partitions = producer.partitionsFor(topic).size();
        Set<Integer> written = new HashSet<>();
        int sent = 0;
        while (written.size() < partitions && sent < articles.size()) {
            EncodedArticle article = articles.get(sent++);
            written.add(producer.send(new ProducerRecord<>(topic, article.id(), article.value()))
                    .get(60, TimeUnit.SECONDS).partition());
        }
        return sent;
    }

}
