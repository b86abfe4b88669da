package io.mediamonitor.kafka;

/** No broker answered at the configured address: the message names it and what to check, in one line. */
public final class KafkaUnreachableException extends RuntimeException {

    public KafkaUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
