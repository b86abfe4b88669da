package io.mediamonitor.alerts.stream;

import io.mediamonitor.enrich.StreamsDefaults;
import io.mediamonitor.schema.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the alert topology; instances with the same application id share the terms. */
public final class AlertService implements AutoCloseable {

    public static final String DEFAULT_APPLICATION_ID = "media-monitor-alerts";
    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final KafkaStreams streams;

    public AlertService(Topics topics, AlertSettings settings, Map<String, Object> clientConfig, String applicationId,
                        String stateDir) {
        this(topics, settings, clientConfig, applicationId, stateDir, alert -> { });
    }

    /** @param onAlert told of every alert record written (metrics) */
    public AlertService(Topics topics, AlertSettings settings, Map<String, Object> clientConfig, String applicationId,
                        String stateDir, java.util.function.Consumer<io.mediamonitor.model.Alert> onAlert) {
        Properties props = StreamsDefaults.base(applicationId, clientConfig, topics.deadLetter().name(), stateDir);
        // counts and the articles that explain them reach a task through two topics: wait briefly
        // for the slower one so an alert finds its articles already recorded
        props.putIfAbsent(org.apache.kafka.streams.StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, 1000L);
        streams = new KafkaStreams(AlertTopology.build(topics, settings, onAlert), props);
        streams.setUncaughtExceptionHandler(e -> {
            log.error("Alert stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    public void start() {
        streams.start();
        log.info("Alerts started");
    }

    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        // leave the group at once, so the other instances take over now rather than after the session timeout
        streams.close(org.apache.kafka.streams.CloseOptions.groupMembershipOperation(
                org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30)));
        log.info("Alerts stopped");
    }
}
