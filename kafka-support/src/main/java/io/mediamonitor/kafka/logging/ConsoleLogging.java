package io.mediamonitor.kafka.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
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
        context.getTurboFilterList().removeIf(KnownBenignLogs.class::isInstance);
        for (String kafka : new String[] {"org.apache.kafka", "kafka", "state.change.logger"}) {
            context.getLogger(kafka).setLevel(Level.INFO);
        }
        context.getLoggerList().stream()
                .filter(l -> l.getLevel() != null && l.getLevel().isGreaterOrEqual(Level.ERROR)
                        && (l.getName().startsWith("org.apache.kafka") || l.getName().startsWith("kafka")))
                .forEach(l -> l.setLevel(null)); // the quieted ones inherit INFO again
        context.getLogger("io.mediamonitor").setLevel(Level.DEBUG);
    }
}
