package io.mediamonitor.alerts.stream;

import io.mediamonitor.kafka.StreamsDefaults;
import io.mediamonitor.kafka.StreamsJob;
import io.mediamonitor.model.Alert;
import io.mediamonitor.schema.Topics;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.streams.StreamsConfig;

/** Runs the alert topology; instances with the same application id share the terms. */
public final class AlertService extends StreamsJob {

    public static final String DEFAULT_APPLICATION_ID = "media-monitor-alerts";

    public AlertService(Topics topics, AlertSettings settings, Map<String, Object> clientConfig, String applicationId,
                        String stateDir) {
        this(topics, settings, clientConfig, applicationId, stateDir, alert -> { });
    }

    /** @param onAlert told of every alert record written (metrics) */
    public AlertService(Topics topics, AlertSettings settings, Map<String, Object> clientConfig, String applicationId,
                        String stateDir, Consumer<Alert> onAlert) {
        super("Alerts", AlertTopology.build(topics, settings, onAlert), props(topics, clientConfig, applicationId, stateDir));
    }

    private static Properties props(Topics topics, Map<String, Object> clientConfig, String applicationId,
                                    String stateDir) {
        Properties props = StreamsDefaults.base(applicationId, clientConfig, topics.deadLetter().name(), stateDir);
        // counts and the articles that explain them reach a task through two topics: wait briefly
        // for the slower one so an alert finds its articles already recorded
        props.putIfAbsent(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, 1000L);
        return props;
    }
}
