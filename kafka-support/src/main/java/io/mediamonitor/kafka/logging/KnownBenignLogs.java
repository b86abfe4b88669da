package io.mediamonitor.kafka.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drops the warnings Kafka logs on every healthy start, each named here with why it is benign, so
 * the console shows the ones that are not. Anything not listed passes; {@code --verbose} turns the
 * filter off. Used on the console appender in logback.xml:
 * {@code <filter class="io.mediamonitor.kafka.logging.KnownBenignLogs"/>}.
 *
 * <p>An appender's filter, not a turbo filter: logback asks a turbo filter about every logging call, also the
 * disabled trace and debug calls Kafka's clients and Streams make for every record (1.7 and 3.2 % of the two jobs'
 * stream threads in a profile), while an appender's filter sees only the events that are logged.
 */
public final class KnownBenignLogs extends Filter<ILoggingEvent> {

    /**
     * One known-benign message: the logger that writes it and a test on the formatted text. A warning, unless the
     * rule also names the exception that makes an error benign: errors pass, but for those.
     */
    record Rule(String logger, String why, Predicate<String> message, Predicate<Throwable> benignError) {
        Rule(String logger, String why, Predicate<String> message) {
            this(logger, why, message, null);
        }
    }

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
            new Rule("org.apache.kafka.clients.producer.internals.Sender",
                    "an exactly-once job writes its next transaction while the broker still completes the last one's"
                            + " commit (a backlog at start); the producer retries, nothing is lost",
                    m -> m.endsWith("Error: CONCURRENT_TRANSACTIONS") && m.contains(", retrying (")),
            // KAFKA-18202: with transactions v2 a broker refuses a transaction's first batch to a partition until
            // the one with sequence 0 has landed, as a retriable error it logs at ERROR; the producer retries both
            new Rule("kafka.server.ReplicaManager",
                    "an exactly-once producer's batches to a partition arrive out of order at a transaction's start;"
                            + " the broker refuses them as retriable and the producer sends them again in order",
                    m -> m.contains("Error processing append operation on partition"),
                    t -> t != null && t.getClass().getSimpleName().equals("OutOfOrderSequenceException")
                            && String.valueOf(t.getMessage()).contains(
                                    "Expected sequence 0 for transactions v2 idempotent producer with no existing state")),
            new Rule("org.apache.kafka.clients.producer.internals.Sender",
                    "the producer's side of the same: it retries the batches the broker refused as out of order",
                    m -> m.endsWith("Error: OUT_OF_ORDER_SEQUENCE_NUMBER") && m.contains(", retrying (")),
            new Rule("org.apache.kafka.clients.NetworkClient",
                    "a shutdown closes a controller channel twice",
                    m -> m.contains("Attempting to close NetworkClient that has already been closed")));

    @Override
    public FilterReply decide(ILoggingEvent event) {
        Level level = event.getLevel();
        if (level == null || !level.isGreaterOrEqual(Level.WARN) || event.getMessage() == null) {
            return FilterReply.NEUTRAL;
        }
        boolean error = level.isGreaterOrEqual(Level.ERROR);
        Throwable t = event.getThrowableProxy() instanceof ThrowableProxy proxy ? proxy.getThrowable() : null;
        String name = event.getLoggerName();
        String message = null;
        for (Rule rule : RULES) {
            if (!rule.logger().equals(name) || (error && (rule.benignError() == null || !rule.benignError().test(t)))) {
                continue;
            }
            if (message == null) {
                message = event.getFormattedMessage();
            }
            if (rule.message().test(message)) {
                return FilterReply.DENY;
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
