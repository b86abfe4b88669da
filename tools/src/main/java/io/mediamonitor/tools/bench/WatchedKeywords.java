package io.mediamonitor.tools.bench;

import io.mediamonitor.enrich.tagging.Dictionary;
import io.mediamonitor.model.DictionaryEntry;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.tools.bench.Vocabulary.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Adds keywords to the run's dictionary topic, the record {@code watch keyword:...} writes, so the jobs tag and
 * alert on them (keywords alert without a watchlist entry).
 */
final class WatchedKeywords {

    private WatchedKeywords() {
    }

    /** The dictionary entry of a keyword, as {@code watch} writes it. */
    static DictionaryEntry entry(Term keyword) {
        return Dictionary.keywordEntry(keyword.english());
    }

    static void add(Map<String, Object> clientConfig, Topics topics, List<Term> keywords, String clientId)
            throws Exception {
        String topic = topics.dictionary().name();
        Serializer<DictionaryEntry> values = topics.dictionary().valueSerde().serializer();
        List<Future<RecordMetadata>> sent = new ArrayList<>(keywords.size());
        try (KafkaProducer<String, byte[]> producer = BenchClients.producer(clientConfig, clientId)) {
            for (Term keyword : keywords) {
                byte[] value = values.serialize(topic, entry(keyword));
                sent.add(producer.send(new ProducerRecord<>(topic, keyword.id(), value)));
                if (sent.size() == 1) {
                    sent.get(0).get(60, TimeUnit.SECONDS); // a lone first write (see BenchClients#primeWith)
                }
            }
            // acknowledged before the jobs start, which read the dictionary's global store whole before they run
            for (Future<RecordMetadata> each : sent) {
                each.get(60, TimeUnit.SECONDS);
            }
        }
    }
}
