package io.mediamonitor.kafka;

import org.apache.kafka.common.errors.SerializationException;

/** A record a job will not take as it is: no value, or over a size limit. Its message says which and why. */
public final class RefusedRecordException extends SerializationException {

    public RefusedRecordException(String message) {
        super(message);
    }
}
