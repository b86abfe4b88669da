package io.mediamonitor.kafka;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;

/** Where a failed record came from, as Streams tells its exception handlers. */
record FailedRecord(String topic, int partition, long offset, Headers headers, byte[] sourceRawKey,
                    byte[] sourceRawValue) implements ErrorHandlerContext {

    static FailedRecord of(String topic, int partition, long offset, byte[] key, byte[] value) {
        return new FailedRecord(topic, partition, offset, new RecordHeaders(), key, value);
    }

    @Override
    public String processorNodeId() {
        return "read-articles";
    }

    @Override
    public TaskId taskId() {
        return new TaskId(0, partition);
    }

    @Override
    public long timestamp() {
        return 1_700_000_000_000L;
    }
}
