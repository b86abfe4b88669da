package io.mediamonitor.schema;

/** Topics exist, but laid out so that the jobs would read them wrong: an operator's fix, not a retry. */
public final class TopicLayoutException extends RuntimeException {

    public TopicLayoutException(String message) {
        super(message);
    }
}
