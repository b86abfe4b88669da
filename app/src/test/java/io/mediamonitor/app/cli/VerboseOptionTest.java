package io.mediamonitor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
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
    private final List<TurboFilter> filters = new ArrayList<>();
    private Level kafka;
    private Level autoTopicCreation;

    @BeforeEach
    void remember() {
        filters.addAll(context.getTurboFilterList());
        kafka = context.getLogger("org.apache.kafka").getLevel();
        autoTopicCreation = context.getLogger("kafka.server.DefaultAutoTopicCreationManager").getLevel();
    }

    @AfterEach
    void restore() {
        context.getTurboFilterList().clear();
        filters.forEach(context::addTurboFilter);
        context.getLogger("org.apache.kafka").setLevel(kafka);
        context.getLogger("kafka.server.DefaultAutoTopicCreationManager").setLevel(autoTopicCreation);
        context.getLogger("io.mediamonitor").setLevel(null);
    }

    @Test
    void the_console_is_quiet_by_default_and_verbose_shows_kafka_and_our_debug() {
        assertThat(context.getTurboFilterList()).hasAtLeastOneElementOfType(KnownBenignLogs.class);
        assertThat(context.getLogger("org.apache.kafka").getEffectiveLevel()).isEqualTo(Level.WARN);

        var commandLine = MediaMonitor.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter()));
        assertThat(commandLine.execute("tag", "-v", "Mali")).isZero();

        assertThat(context.getTurboFilterList()).noneMatch(KnownBenignLogs.class::isInstance);
        assertThat(context.getLogger("org.apache.kafka.clients.NetworkClient").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("kafka.server.DefaultAutoTopicCreationManager").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("io.mediamonitor.app").getEffectiveLevel()).isEqualTo(Level.DEBUG);
    }
}
