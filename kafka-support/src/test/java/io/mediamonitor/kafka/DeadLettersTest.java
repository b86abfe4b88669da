package io.mediamonitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.schema.RecordLimits;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void aSmallRecordIsKeptWholeWithWhereItCameFromAndWhy() {
        byte[] value = "garbage".getBytes(StandardCharsets.UTF_8);
        FailedRecord origin = FailedRecord.of("media.articles.raw", 3, 42, "k".getBytes(StandardCharsets.UTF_8), value);
        origin.headers().add("trace-id", "abc".getBytes(StandardCharsets.UTF_8));

        ProducerRecord<byte[], byte[]> letter = DeadLetters.of("media.deadletter", origin, origin.sourceRawKey(), value,
                new SerializationException("cannot decode Article: not Avro"));

        assertThat(letter.topic()).isEqualTo("media.deadletter");
        assertThat(letter.value()).isEqualTo(value);
        assertThat(letter.timestamp()).isEqualTo(origin.timestamp());
        assertThat(header(letter, DeadLetters.TOPIC)).isEqualTo("media.articles.raw");
        assertThat(header(letter, DeadLetters.PARTITION)).isEqualTo("3");
        assertThat(header(letter, DeadLetters.OFFSET)).isEqualTo("42");
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo("cannot decode Article: not Avro");
        assertThat(header(letter, DeadLetters.EXCEPTION)).isEqualTo(SerializationException.class.getName());
        assertThat(header(letter, DeadLetters.ORIGINAL_VALUE_SIZE)).isEqualTo("7");
        assertThat(header(letter, DeadLetters.TRUNCATED)).isEqualTo("false");
        assertThat(header(letter, "trace-id")).isEqualTo("abc");
    }

    @Test
    void aHugeRecordIsCutToABoundedLetterThatSaysHowLargeItWas() {
        byte[] value = new byte[3 * 1024 * 1024];
        Arrays.fill(value, (byte) 'a');
        byte[] key = new byte[200_000];
        FailedRecord origin = FailedRecord.of("media.articles.raw", 0, 7, key, value);
        RuntimeException deep = new RuntimeException(null, new IllegalStateException("x".repeat(50_000)));

        ProducerRecord<byte[], byte[]> letter = DeadLetters.of("media.deadletter", origin, key, value, deep);

        assertThat(letter.value()).hasSize(RecordLimits.DEAD_LETTER_KEPT_BYTES);
        assertThat(letter.key()).hasSize(RecordLimits.DEAD_LETTER_KEPT_BYTES);
        assertThat(header(letter, DeadLetters.ORIGINAL_VALUE_SIZE)).isEqualTo(Integer.toString(value.length));
        assertThat(header(letter, DeadLetters.ORIGINAL_KEY_SIZE)).isEqualTo("200000");
        assertThat(header(letter, DeadLetters.TRUNCATED)).isEqualTo("true");
        // the reason comes from the cause when the exception has no message, cut to one short line
        assertThat(header(letter, DeadLetters.REASON)).startsWith("xxx").hasSizeLessThanOrEqualTo(1_001);
        int headerBytes = 0;
        for (Header h : letter.headers()) {
            headerBytes += h.key().length() + (h.value() == null ? 0 : h.value().length);
        }
        assertThat(headerBytes).isLessThan(64 * 1024);
    }

    @Test
    void aNullValueIsSaidToBeNullNotEmpty() {
        FailedRecord origin = FailedRecord.of("media.articles.raw", 0, 1, null, null);

        ProducerRecord<byte[], byte[]> letter = DeadLetters.of("media.deadletter", origin, null, null,
                new RefusedRecordException("no value"));

        assertThat(letter.value()).isNull();
        assertThat(header(letter, DeadLetters.ORIGINAL_VALUE_SIZE)).isEqualTo("null");
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo("no value");
    }

    static String header(ProducerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
