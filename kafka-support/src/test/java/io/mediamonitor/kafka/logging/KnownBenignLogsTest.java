package io.mediamonitor.kafka.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class KnownBenignLogsTest {

    private final LoggerContext context = new LoggerContext();
    private final KnownBenignLogs filter = new KnownBenignLogs();

    private FilterReply decide(String logger, Level level, String format, Object... params) {
        return decide(logger, level, format, null, params);
    }

    private FilterReply decide(String logger, Level level, String format, Throwable t, Object... params) {
        return filter.decide(
                new LoggingEvent(getClass().getName(), context.getLogger(logger), level, format, t, params));
    }

    @Test
    void unknown_streams_internal_topics_at_start_up_are_benign_but_an_unknown_user_topic_is_not() {
        String format = "[Consumer clientId=x, groupId=app] The metadata response from the cluster reported a recoverable "
                + "issue with correlation id {} : {}";
        assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.WARN, format, 7,
                "{app-mentions-by-term-repartition=UNKNOWN_TOPIC_OR_PARTITION, app-windows-changelog=UNKNOWN_TOPIC_OR_PARTITION}"))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.WARN, format, 7,
                "{app-windows-changelog=UNKNOWN_TOPIC_OR_PARTITION, media.articles.raww=UNKNOWN_TOPIC_OR_PARTITION}"))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.WARN, format, 7,
                "{app-windows-changelog=LEADER_NOT_AVAILABLE}"))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void each_rule_drops_its_message_and_nothing_else_from_that_logger() {
        assertThat(decide("org.apache.kafka.controller.QuorumController", Level.WARN,
                "[QuorumController id=1] Performing controller activation. The metadata log appears to be empty. Appending 6 bootstrap record(s)"))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide("org.apache.kafka.controller.QuorumController", Level.WARN,
                "[QuorumController id=1] Performing controller activation."))
                .as("a restart, on a log that has its metadata").isEqualTo(FilterReply.DENY);
        assertThat(decide("org.apache.kafka.controller.QuorumController", Level.WARN,
                "[QuorumController id=1] Renouncing the leadership due to a metadata log event"))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils", Level.WARN,
                "Not updating last stable offset for partition {} as it is no longer assigned", "media.dictionary-0"))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide("org.apache.kafka.clients.producer.internals.Sender", Level.WARN,
                "[Producer clientId=app-StreamThread-1-producer, transactionalId=app-1] Got error produce response with "
                        + "correlation id 28 on topic-partition app-repartition-4, retrying (2147483646 attempts left). "
                        + "Error: CONCURRENT_TRANSACTIONS"))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide("org.apache.kafka.clients.producer.internals.Sender", Level.WARN,
                "[Producer clientId=p] Got error produce response with correlation id 3 on topic-partition t-0, "
                        + "retrying (2 attempts left). Error: NOT_ENOUGH_REPLICAS"))
                .as("another error the same way").isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.WARN,
                "Attempting to close NetworkClient that has already been closed."))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.WARN,
                "Connection to node -1 ({}) could not be established. Node may not be available.", "/127.0.0.1:9092"))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void an_error_passes_unless_its_rule_names_the_exception_that_makes_it_benign() {
        String append = "[ReplicaManager broker=1] Error processing append operation on partition x:app-repartition-4";
        Throwable refused = new org.apache.kafka.common.errors.OutOfOrderSequenceException("Invalid sequence number "
                + "for producer 3 at offset 112 in partition app-repartition-4: 47 (incoming seq. number). Expected "
                + "sequence 0 for transactions v2 idempotent producer with no existing state.");
        Throwable other = new org.apache.kafka.common.errors.OutOfOrderSequenceException("Out of order sequence "
                + "number for producer 1674 at offset 548171 in partition t-0: 51 (incoming seq. number), 49 (current "
                + "end sequence number)");

        assertThat(decide("kafka.server.ReplicaManager", Level.ERROR, append, refused)).isEqualTo(FilterReply.DENY);
        assertThat(decide("kafka.server.ReplicaManager", Level.ERROR, append, other))
                .as("a real gap in the sequence").isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("kafka.server.ReplicaManager", Level.ERROR, append, (Throwable) null))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void errors_and_other_loggers_always_pass() {
        assertThat(decide("org.apache.kafka.controller.QuorumController", Level.ERROR,
                "The metadata log appears to be empty")).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("io.mediamonitor.Anything", Level.WARN,
                "The metadata log appears to be empty")).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("org.apache.kafka.controller.QuorumController", Level.INFO,
                "The metadata log appears to be empty")).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void every_rule_says_why_it_is_benign() {
        assertThat(KnownBenignLogs.RULES).allSatisfy(rule -> assertThat(rule.why()).isNotBlank());
    }
}
