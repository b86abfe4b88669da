package io.mediamonitor.enrich;

import io.mediamonitor.enrich.counting.InputWatermark;
import java.nio.ByteBuffer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Which partition of the raw topic an article came from, carried in a header from the task that read it to the story
 * task, which reads every partition's articles through one topic and tells by it how far each has come
 * ({@link InputWatermark}). Removed there: no output topic of the job carries it (an article dead-lettered on its way
 * to the story task keeps the headers it had, this one with them).
 */
final class RawPartition {

    static final String HEADER = "media-monitor.raw-partition";

    private RawPartition() {
    }

    /** A copy of {@code headers} naming {@code partition}. */
    static Headers stamped(Headers headers, int partition) {
        RecordHeaders stamped = new RecordHeaders(headers.toArray());
        stamped.remove(HEADER);
        stamped.add(HEADER, ByteBuffer.allocate(Integer.BYTES).putInt(partition).array());
        return stamped;
    }

    /** The partition, or {@link InputWatermark#UNNAMED} without the header (written before it existed). */
    static int of(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        return header == null || header.value() == null || header.value().length != Integer.BYTES ? InputWatermark.UNNAMED
                : ByteBuffer.wrap(header.value()).getInt();
    }

    /** A copy of {@code headers} without the partition. */
    static Headers without(Headers headers) {
        RecordHeaders copy = new RecordHeaders(headers.toArray());
        copy.remove(HEADER);
        return copy;
    }
}
