package io.mediamonitor.kafka;

import io.mediamonitor.schema.RecordLimits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Dead-letter records of a bounded size, whatever the record that failed: its key and value are kept up to
 * {@link RecordLimits#DEAD_LETTER_KEPT_BYTES} each, with their original sizes in headers. A dead letter therefore
 * always fits the dead-letter topic, so writing it cannot fail for the reason the record itself failed.
 *
 * <p>Headers: Kafka's own (KIP-1034: {@code __streams.errors.exception}, {@code .message}, {@code .stacktrace},
 * {@code .topic}, {@code .partition}, {@code .offset}), then {@code reason} (one line), {@code original.key.size},
 * {@code original.value.size} and {@code truncated} ({@code true} when key or value was cut).
 */
public final class DeadLetters {

    public static final String EXCEPTION = "__streams.errors.exception";
    public static final String MESSAGE = "__streams.errors.message";
    public static final String STACKTRACE = "__streams.errors.stacktrace";
    public static final String TOPIC = "__streams.errors.topic";
    public static final String PARTITION = "__streams.errors.partition";
    public static final String OFFSET = "__streams.errors.offset";
    public static final String REASON = "reason";
    public static final String ORIGINAL_KEY_SIZE = "original.key.size";
    public static final String ORIGINAL_VALUE_SIZE = "original.value.size";
    public static final String TRUNCATED = "truncated";

    private static final int MAX_MESSAGE_CHARS = 1_000;
    private static final int MAX_STACKTRACE_CHARS = 8_000;
    /** The failed record's own headers are kept while they add up to this much. */
    private static final int MAX_COPIED_HEADER_BYTES = 16 * 1024;

    private DeadLetters() {
    }

    /**
     * @param deadLetterTopic where the record goes
     * @param origin          where the failed record came from (its topic, partition and offset name the input)
     * @param key             the failed record's key bytes, or null
     * @param value           the failed record's value bytes, or null
     */
    public static ProducerRecord<byte[], byte[]> of(String deadLetterTopic, ErrorHandlerContext origin, byte[] key,
                                                    byte[] value, Exception exception) {
        byte[] keptKey = kept(key);
        byte[] keptValue = kept(value);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(deadLetterTopic, null, origin.timestamp(),
                keptKey, keptValue);
        Headers headers = record.headers();
        copy(origin.headers(), headers);
        put(headers, EXCEPTION, exception.getClass().getName());
        put(headers, MESSAGE, cut(String.valueOf(exception.getMessage()), MAX_MESSAGE_CHARS));
        put(headers, STACKTRACE, cut(stackTrace(exception), MAX_STACKTRACE_CHARS));
        put(headers, TOPIC, origin.topic());
        put(headers, PARTITION, Integer.toString(origin.partition()));
        put(headers, OFFSET, Long.toString(origin.offset()));
        put(headers, REASON, reason(exception));
        put(headers, ORIGINAL_KEY_SIZE, size(key));
        put(headers, ORIGINAL_VALUE_SIZE, size(value));
        put(headers, TRUNCATED, Boolean.toString(keptKey != key || keptValue != value));
        return record;
    }

    /** A header's value as text, or null when absent (for tools and tests reading the topic). */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** One line saying what went wrong: the exception's message, or its causes' when it has none. */
    public static String reason(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return cut(t.getMessage().lines().findFirst().orElse(""), MAX_MESSAGE_CHARS);
            }
        }
        return exception.getClass().getSimpleName();
    }

    private static byte[] kept(byte[] bytes) {
        return bytes == null || bytes.length <= RecordLimits.DEAD_LETTER_KEPT_BYTES ? bytes
                : Arrays.copyOf(bytes, RecordLimits.DEAD_LETTER_KEPT_BYTES);
    }

    private static String size(byte[] bytes) {
        return bytes == null ? "null" : Integer.toString(bytes.length);
    }

    private static void copy(Headers from, Headers to) {
        if (from == null) {
            return;
        }
        int budget = MAX_COPIED_HEADER_BYTES;
        for (Header header : from) {
            int size = header.key().length() + (header.value() == null ? 0 : header.value().length);
            if (size > budget) {
                return;
            }
            budget -= size;
            to.add(header.key(), header.value());
        }
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key); // a dead letter re-read and dead-lettered again names its latest failure
        headers.add(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static String cut(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars) + "…";
    }

    private static String stackTrace(Throwable exception) {
        StringWriter out = new StringWriter();
        exception.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
