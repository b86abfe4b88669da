package io.mediamonitor.schema;

import org.apache.kafka.common.serialization.Serde;

/** A topic's full name with the serdes of its keys and values, so no module spells a name twice. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, TopicSpec spec,
                          String keyDescription, String valueDescription) {

    @Override
    public String toString() {
        return name;
    }
}
