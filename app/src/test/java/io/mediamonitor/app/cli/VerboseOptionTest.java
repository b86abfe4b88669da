package io.mediamonitor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import io.mediamonitor.app.MediaMonitor;
import io.mediamonitor.kafka.logging.KnownBenignLogs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class VerboseOptionTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Appender<ILoggingEvent> console = consoleAppender();
    private final List<Filter<ILoggingEvent>> filters = new ArrayList<>();
    private Level kafka;
    private Level autoTopicCreation;

    @BeforeEach
    void remember() {
        filters.addAll(console.getCopyOfAttachedFiltersList());
        kafka = context.getLogger("org.apache.kafka").getLevel();
        autoTopicCreation = context.getLogger("kafka.server.DefaultAutoTopicCreationManager").getLevel();
    }

    @AfterEach
    void restore() {
        console.clearAllFilters();
        filters.forEach(console::addFilter);
        context.getLogger("org.apache.kafka").setLevel(kafka);
        context.getLogger("kafka.server.DefaultAutoTopicCreationManager").setLevel(autoTopicCreation);
        context.getLogger("io.mediamonitor").setLevel(null);
    }

    @Test
    void the_console_is_quiet_by_default_and_verbose_shows_kafka_and_our_debug() {
        assertThat(console.getCopyOfAttachedFiltersList()).hasAtLeastOneElementOfType(KnownBenignLogs.class);
        assertThat(context.getLogger("org.apache.kafka").getEffectiveLevel()).isEqualTo(Level.WARN);

        var commandLine = MediaMonitor.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter()));
        assertThat(commandLine.execute("tag", "-v", "Mali")).isZero();

        assertThat(console.getCopyOfAttachedFiltersList()).noneMatch(KnownBenignLogs.class::isInstance);
        assertThat(context.getLogger("org.apache.kafka.clients.NetworkClient").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("kafka.server.DefaultAutoTopicCreationManager").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("io.mediamonitor.app").getEffectiveLevel()).isEqualTo(Level.DEBUG);
    }

    private Appender<ILoggingEvent> consoleAppender() {
        var appenders = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
        assertThat(appenders.hasNext()).as("the console appender of logback-test.xml").isTrue();
        return appenders.next();
    }
}
