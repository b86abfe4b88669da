package io.mediamonitor.kafka;

/**
 * A topic a reader needs does not exist: no job has created it yet, or the topic prefix is not the jobs'. A setup
 * error, told in one line with what to do.
 */
public final class MissingTopicException extends RuntimeException {

    public MissingTopicException(String topic) {
        super("topic " + topic + " does not exist: no job has created it yet, or topics.prefix is not the jobs' "
                + "(create them with `media-monitor topics --create`)");
    }
}
