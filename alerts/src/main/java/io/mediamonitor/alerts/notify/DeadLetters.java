package io.mediamonitor.alerts.notify;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The dead-letter record for an alert a channel gave up on: the original key and value bytes
 * untouched (so it can be replayed as is), the original headers, then {@code reason},
 * {@code source.topic}, {@code source.partition}, {@code source.offset} and {@code channel}.
 */
public final class DeadLetters {

    public static final String REASON = "reason";
    public static final String SOURCE_TOPIC = "source.topic";
    public static final String SOURCE_PARTITION = "source.partition";
    public static final String SOURCE_OFFSET = "source.offset";
    public static final String CHANNEL = "channel";

    /** Long stack-trace-like messages are cut: a header is for reading, not for archives. */
    static final int REASON_MAX = 2000;

    private DeadLetters() {
    }

    public static ProducerRecord<byte[], byte[]> of(String deadLetterTopic, ConsumerRecord<byte[], byte[]> source,
                                                    String channel, String reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : source.headers()) {
            headers.add(header);
        }
        String cut = reason == null ? "" : reason.length() <= REASON_MAX ? reason : reason.substring(0, REASON_MAX);
        headers.add(REASON, utf8(cut));
        headers.add(SOURCE_TOPIC, utf8(source.topic()));
        headers.add(SOURCE_PARTITION, utf8(String.valueOf(source.partition())));
        headers.add(SOURCE_OFFSET, utf8(String.valueOf(source.offset())));
        headers.add(CHANNEL, utf8(channel));
        return new ProducerRecord<>(deadLetterTopic, null, source.key(), source.value(), headers);
    }

    /** A header's value as text, or null when absent (for tools and tests reading the topic). */
    public static String header(org.apache.kafka.common.header.Headers headers, String name) {
        return io.mediamonitor.kafka.DeadLetters.header(headers, name);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
