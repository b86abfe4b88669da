package io.mediamonitor.kafka.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Switches the console between its quiet default and everything ({@code --verbose}). */
public final class ConsoleLogging {

    private ConsoleLogging() {
    }

    /**
     * Kafka at INFO, our own code at DEBUG, and no message filtered as known-benign. Does nothing
     * when the logging backend is not logback.
     */
    public static void verbose() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.getLoggerList().forEach(logger ->
                logger.iteratorForAppenders().forEachRemaining(ConsoleLogging::unfiltered));
        for (String kafka : new String[] {"org.apache.kafka", "kafka", "state.change.logger"}) {
            context.getLogger(kafka).setLevel(Level.INFO);
        }
        context.getLoggerList().stream()
                .filter(l -> l.getLevel() != null && l.getLevel().isGreaterOrEqual(Level.ERROR)
                        && (l.getName().startsWith("org.apache.kafka") || l.getName().startsWith("kafka")))
                .forEach(l -> l.setLevel(null)); // the quieted ones inherit INFO again
        context.getLogger("io.mediamonitor").setLevel(Level.DEBUG);
    }

    /** The appender without its known-benign filter, keeping any other. */
    private static void unfiltered(Appender<ILoggingEvent> appender) {
        List<Filter<ILoggingEvent>> others = appender.getCopyOfAttachedFiltersList();
        if (others.removeIf(KnownBenignLogs.class::isInstance)) {
            appender.clearAllFilters();
            others.forEach(appender::addFilter);
        }
    }
}
