package io.mediamonitor.ingest.kafka;

import io.mediamonitor.schema.RecordLimits;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Client configs for the ingester, built on the caller's settings (bootstrap.servers and the rest). */
public final class KafkaSettings {

    private KafkaSettings() {
    }

    /** Idempotent producer, acks from every in-sync replica: a retried send never duplicates a record. */
    public static Map<String, Object> producer(Map<String, Object> base, String clientId) {
        Map<String, Object> props = new HashMap<>(base);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordLimits.MAX_REQUEST_BYTES);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    /** A consumer outside any group (partitions assigned by hand), reading raw bytes. */
    public static Map<String, Object> reader(Map<String, Object> base, String clientId) {
        Map<String, Object> props = new HashMap<>(base);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    /** A group member: partitions come from the group; offsets are never committed (state is re-read). */
    public static Map<String, Object> member(Map<String, Object> base, String groupId, String clientId) {
        Map<String, Object> props = reader(base, clientId);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // a killed ingester's feeds go to the others after 6 s, not Kafka's 45 s (see StreamsDefaults)
        props.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000);
        props.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000);
        return props;
    }
}
