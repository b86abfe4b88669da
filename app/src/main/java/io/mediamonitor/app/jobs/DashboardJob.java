package io.mediamonitor.app.jobs;

import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.app.dashboard.DashboardConfig;
import io.mediamonitor.app.dashboard.DashboardConfigBuilder;
import io.mediamonitor.app.dashboard.DashboardServer;
import io.mediamonitor.app.dashboard.HealthChecks;
import io.mediamonitor.app.dashboard.MentionHistory;
import io.mediamonitor.app.dashboard.MonitorMetrics;
import io.mediamonitor.app.dashboard.TermLabels;
import io.mediamonitor.enrich.EnrichService;
import io.mediamonitor.enrich.EnrichSettings;
import io.mediamonitor.enrich.MentionQueries;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;

/**
 * Starts the dashboard with /metrics and /health for whatever jobs this process runs. Config keys:
 * dashboard.port (default 8080), dashboard.bind.address (default 127.0.0.1: there is no login).
 */
public final class DashboardJob {

    private DashboardJob() {
    }

    /** The chart's windows always follow enrich's, since it draws enrich's counts. */
    public static DashboardConfig settings(MonitorConfig config, int defaultPort) {
        EnrichSettings windows = EnrichJob.settings(config);
        return DashboardConfigBuilder.builder(DashboardConfig.defaults())
                .bindAddress(config.string("dashboard.bind.address", DashboardConfig.DEFAULT_BIND_ADDRESS))
                .port(config.integer("dashboard.port", defaultPort))
                .windowSize(windows.windowSize())
                .windowStep(windows.windowAdvance())
                .build();
    }

    public static DashboardServer start(MonitorConfig config, KafkaEnvironment kafka, Lifecycle lifecycle,
                                        MonitorMetrics metrics, HealthChecks health, EnrichService enrich,
                                        int defaultPort) {
        Admin admin = lifecycle.manage(Admin.create(kafka.clientConfig()));
        health.register("kafka", HealthChecks.of(admin, Duration.ofSeconds(2)));
        DashboardConfig dashboard = settings(config, defaultPort);
        MentionHistory mentions = MentionHistory.elsewhere();
        if (enrich != null) {
            MentionQueries queries = enrich.queries();
            mentions = MentionHistory.of(queries::term, queries::all);
        }
        try {
            return lifecycle.manage(DashboardServer.start(dashboard, kafka.topics(), kafka.clientConfig(), mentions,
                    labels(config), metrics, health));
        } catch (java.io.UncheckedIOException e) {
            throw new io.mediamonitor.app.config.ConfigException("cannot serve the dashboard on port " + dashboard.port()
                    + " (" + e.getCause().getMessage() + "); pick another with -D dashboard.port=PORT (0: any free port)");
        }
    }

    /** Terms by the names of the dictionary enrich tags with: the user's file, when set, renames and adds. */
    static TermLabels labels(MonitorConfig config) {
        return new TermLabels(EnrichJob.baseDictionary(config).entries());
    }
}
