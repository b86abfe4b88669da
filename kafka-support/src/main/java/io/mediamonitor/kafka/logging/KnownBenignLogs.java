package io.mediamonitor.kafka.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Drops the warnings Kafka logs on every healthy start, each named here with why it is benign, so
 * the console shows the ones that are not. Anything not listed passes; {@code --verbose} turns the
 * filter off. Used from logback.xml: {@code <turboFilter class="io.mediamonitor.kafka.logging.KnownBenignLogs"/>}.
 */
public final class KnownBenignLogs extends TurboFilter {

    /** One known-benign message: the logger that writes it and a test on the formatted text. */
    record Rule(String logger, String why, Predicate<String> message) {}

    private static final Pattern TOPIC_ERROR = Pattern.compile("([\\w.-]+)=([A-Z_]+)");

    static final List<Rule> RULES = List.of(
            new Rule("org.apache.kafka.controller.QuorumController",
                    "a freshly formatted broker writes its bootstrap metadata",
                    m -> m.contains("The metadata log appears to be empty")),
            new Rule("org.apache.kafka.controller.QuorumController",
                    "the single-node broker's controller takes the lead, as it does at every start",
                    m -> m.startsWith("[QuorumController id=") && m.endsWith("Performing controller activation.")),
            new Rule("org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils",
                    "a global store's consumer moves from one partition to the next while it restores",
                    m -> m.contains("Not updating last stable offset") && m.contains("no longer assigned")),
            new Rule("org.apache.kafka.clients.NetworkClient",
                    "Streams' own repartition and changelog topics are still being created",
                    KnownBenignLogs::onlyInternalTopicsUnknown),
            new Rule("org.apache.kafka.clients.NetworkClient",
                    "a shutdown closes a controller channel twice",
                    m -> m.contains("Attempting to close NetworkClient that has already been closed")));

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null || !level.isGreaterOrEqual(Level.WARN) || level.isGreaterOrEqual(Level.ERROR) || format == null) {
            return FilterReply.NEUTRAL;
        }
        String name = logger.getName();
        String message = null;
        for (Rule rule : RULES) {
            if (rule.logger().equals(name)) {
                if (message == null) {
                    message = MessageFormatter.arrayFormat(format, params).getMessage();
                }
                if (rule.message().test(message)) {
                    return FilterReply.DENY;
                }
            }
        }
        return FilterReply.NEUTRAL;
    }

    /** "{app-x-repartition=UNKNOWN_TOPIC_OR_PARTITION, ...}" where every topic is a Streams internal topic. */
    static boolean onlyInternalTopicsUnknown(String message) {
        if (!message.contains("UNKNOWN_TOPIC_OR_PARTITION")) {
            return false;
        }
        Matcher m = TOPIC_ERROR.matcher(message.substring(message.lastIndexOf('{') + 1));
        boolean any = false;
        while (m.find()) {
            String topic = m.group(1);
            if (!topic.endsWith("-repartition") && !topic.endsWith("-changelog")) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
