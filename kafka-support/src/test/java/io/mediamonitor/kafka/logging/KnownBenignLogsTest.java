package io.mediamonitor.kafka.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class KnownBenignLogsTest {

    private final LoggerContext context = new LoggerContext();
    private final KnownBenignLogs filter = new KnownBenignLogs();

    private FilterReply decide(String logger, Level level, String format, Object... params) {
        return filter.decide(null, context.getLogger(logger), level, format, params, null);
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
        assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.WARN,
                "Attempting to close NetworkClient that has already been closed."))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.WARN,
                "Connection to node -1 ({}) could not be established. Node may not be available.", "/127.0.0.1:9092"))
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
