package io.mediamonitor.kafka;

import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde that refuses, with a {@link RefusedRecordException}, values it must not pass on: a null value where a
 * record needs one, and values over a size limit. Refusing at (de)serialization sends the record to the dead-letter
 * topic through the Streams exception handlers, before anything is written: under exactly-once, a record too large
 * for the producer would otherwise abort the whole transaction, again on every retry.
 */
public final class BoundedSerde<T> implements Serde<T> {

    private final Serde<T> inner;
    private final int maxBytes;
    private final String limitName;
    private final Function<T, String> problem;

    private BoundedSerde(Serde<T> inner, int maxBytes, String limitName, Function<T, String> problem) {
        this.inner = inner;
        this.maxBytes = maxBytes;
        this.limitName = limitName;
        this.problem = problem;
    }

    /**
     * @param maxBytes  the largest serialized value let through
     * @param limitName the setting that sets the limit, named in the refusal so an operator knows what to change
     */
    public static <T> BoundedSerde<T> of(Serde<T> inner, int maxBytes, String limitName) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException(limitName + " must be positive, got " + maxBytes);
        }
        return new BoundedSerde<>(inner, maxBytes, limitName, value -> null);
    }

    /**
     * This serde, also refusing on reading a value {@code problem} finds fault with: it returns what is wrong, or
     * null for a value the job can take.
     */
    public BoundedSerde<T> refusing(Function<T, String> problem) {
        return new BoundedSerde<>(inner, maxBytes, limitName, problem);
    }

    @Override
    public Serializer<T> serializer() {
        Serializer<T> serializer = inner.serializer();
        return new Serializer<>() {
            @Override
            public byte[] serialize(String topic, T data) {
                return checked(topic, serializer.serialize(topic, data), false);
            }

            @Override
            public byte[] serialize(String topic, Headers headers, T data) {
                return checked(topic, serializer.serialize(topic, headers, data), false);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        Deserializer<T> deserializer = inner.deserializer();
        return new Deserializer<>() {
            @Override
            public T deserialize(String topic, byte[] data) {
                return accepted(topic, deserializer.deserialize(topic, checked(topic, data, true)));
            }

            @Override
            public T deserialize(String topic, Headers headers, byte[] data) {
                return accepted(topic, deserializer.deserialize(topic, headers, checked(topic, data, true)));
            }
        };
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
    }

    private T accepted(String topic, T value) {
        String fault = problem.apply(value);
        if (fault != null) {
            throw new RefusedRecordException("a value read from " + topic + " is refused: " + fault);
        }
        return value;
    }

    private byte[] checked(String topic, byte[] data, boolean reading) {
        if (data == null) {
            throw new RefusedRecordException("a record of " + topic + " has no value (null): every record there "
                    + "must carry one");
        }
        if (data.length > maxBytes) {
            throw new RefusedRecordException(String.format("a value of %,d bytes %s %s is over %s = %,d bytes",
                    data.length, reading ? "read from" : "written to", topic, limitName, maxBytes));
        }
        return data;
    }
}
