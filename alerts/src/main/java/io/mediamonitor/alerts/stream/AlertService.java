package io.mediamonitor.alerts.stream;

import io.mediamonitor.kafka.StreamsDefaults;
import io.mediamonitor.kafka.StreamsJob;
import io.mediamonitor.model.Alert;
import io.mediamonitor.schema.Topics;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

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
        // No max.task.idle.ms of its own: a term task reads counts and the articles that explain them from two
        // topics, but enrich commits each article before any count that includes it, so Streams' default (wait
        // only for records the consumer knows are on the broker) finds a count's articles already recorded.
        return StreamsDefaults.base(applicationId, clientConfig, topics.deadLetter().name(), stateDir);
    }
}
