package io.mediamonitor.tools.bench;

import io.mediamonitor.kafka.TopicFollower;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a whole topic as a downstream consumer would (committed records only) and counts its records and distinct
 * keys: with one record per article id, records = distinct = sent means nothing lost and nothing doubled.
 */
final class ExactnessCheck {

    /** @param complete false when the topic could not be read to its end before the deadline */
    record Result(long records, long distinct, long expected, boolean complete) {

        boolean exact() {
            return complete && records == expected && distinct == expected;
        }

        String describe() {
            return String.format("%,d records, %,d distinct article ids, of %,d articles sent: %s", records, distinct,
                    expected, !complete ? "the topic could not be read to its end in time"
                            : exact() ? "nothing lost, nothing doubled"
                            : (expected - distinct) + " lost, " + (records - distinct) + " doubled");
        }
    }

    private ExactnessCheck() {
    }

    static Result scan(Map<String, Object> clientConfig, String topic, long expected, Duration timeout) {
        Set<String> ids = new HashSet<>();
        long[] records = {0};
        try (TopicFollower<byte[], byte[]> reader = TopicFollower.bytes(clientConfig, topic)
                .clientId("bench-exactness").build()) {
            reader.readToEnd(timeout, record -> {
                records[0]++;
                ids.add(new String(record.key(), StandardCharsets.UTF_8));
            });
        } catch (TopicFollower.DeadlinePassedException e) {
            // the deadline passed: the figure says the read is incomplete, with what it found so far
            return new Result(records[0], ids.size(), expected, false);
        }
        return new Result(records[0], ids.size(), expected, true);
    }
}
