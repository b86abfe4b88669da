package io.mediamonitor.kafka;

import io.mediamonitor.schema.Topic;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * How a topology reads and writes a contract topic: with the topic's own serdes, or with its key serde and a value
 * serde wrapped around the topic's (bounded on the way out, tolerant on the way in), so the serdes of a topic are
 * named in one place, its {@link Topic}.
 */
public final class TopicStreams {

    private TopicStreams() {
    }

    public static <K, V> Consumed<K, V> consumed(Topic<K, V> topic) {
        return Consumed.with(topic.keySerde(), topic.valueSerde());
    }

    public static <K, V> Consumed<K, V> consumed(Topic<K, V> topic, Serde<V> values) {
        return Consumed.with(topic.keySerde(), values);
    }

    public static <K, V> Produced<K, V> produced(Topic<K, V> topic) {
        return Produced.with(topic.keySerde(), topic.valueSerde());
    }

    public static <K, V> Produced<K, V> produced(Topic<K, V> topic, Serde<V> values) {
        return Produced.with(topic.keySerde(), values);
    }
}
