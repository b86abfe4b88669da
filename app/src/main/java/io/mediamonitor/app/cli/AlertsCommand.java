package io.mediamonitor.app.cli;

import io.mediamonitor.alerts.notify.AlertTail;
import io.mediamonitor.alerts.notify.NotificationChannel;
import io.mediamonitor.alerts.stream.AlertService;
import io.mediamonitor.app.config.ConfigException;
import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.app.dashboard.DashboardServer;
import io.mediamonitor.app.dashboard.HealthChecks;
import io.mediamonitor.app.dashboard.MonitorMetrics;
import io.mediamonitor.app.jobs.AlertJob;
import io.mediamonitor.app.jobs.DashboardJob;
import io.mediamonitor.app.jobs.KafkaEnvironment;
import io.mediamonitor.app.jobs.Lifecycle;
import io.mediamonitor.app.jobs.TopicWriter;
import io.mediamonitor.model.WatchlistEntry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs spike detection and the notification channels; 'alerts tail' follows the alert topic. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        header = "Detect spikes and silent sources; notify people.",
        description = "Run the alerts job: spike detection per watched term on media.mentions, silence detection per source, alerts to media.alerts, and the notification channels configured under notify.* (console, webhook, Slack, e-mail), each its own consumer group, and the dashboard with /metrics and /health on dashboard.port (default 8080).",
        subcommands = AlertsCommand.Tail.class)
public final class AlertsCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Option(names = "--no-dashboard", description = "Do not serve the dashboard, /metrics and /health (dashboard.port, default 8080).")
    boolean noDashboard;

    @Override
    public Integer call() {
        MonitorConfig config = global.config();
        // configuration errors surface before anything starts
        var notifications = AlertJob.notifications(config, Map.of("notify.console.enabled", "true"));
        AlertJob.watchlist(config);
        AlertJob.settings(config);
        Lifecycle lifecycle = new Lifecycle();
        try {
            KafkaEnvironment kafka = lifecycle.manage(KafkaEnvironment.open(config));
            publishWatchlist(config, kafka);
            MonitorMetrics metrics = lifecycle.manage(new MonitorMetrics());
            AlertService alerts = lifecycle.manage(AlertJob.create(config, kafka.topics(), kafka.clientConfig(), kafka.dataDir(),
                    alert -> metrics.alertsRaised(alert.getStatus().name(), alert.getSeverity().name()).increment()));
            metrics.bind(alerts.streams());
            // the notification channels dead-letter alerts they cannot deliver
            metrics.expectDeadLettersFrom(alerts.sourceTopics()).expectDeadLettersFrom(
                    List.of(kafka.topics().alerts().name()));
            alerts.whenFailed(() -> lifecycle.fail("alerts stopped for good"));
            alerts.start();
            if (!noDashboard) {
                DashboardServer dashboard = DashboardJob.start(config, kafka, lifecycle, metrics,
                        new HealthChecks().register("alerts", HealthChecks.of(alerts)), null, 8080);
                System.out.println("Dashboard: " + dashboard.url());
            }
            for (NotificationChannel channel : notifications.channels(kafka.clientConfig(), kafka.topics())) {
                lifecycle.manage(channel).start();
            }
            System.out.println("Alerts running against " + kafka.bootstrapServers() + ". Ctrl-C stops it.");
        } catch (RuntimeException e) {
            // a failed start closes what it had opened (broker, jobs) before the error is shown
            lifecycle.closeAll();
            throw e;
        }
        lifecycle.awaitShutdownSignal();
        return lifecycle.failed() ? 1 : 0;
    }

    /** The config's watchlist goes to the compacted topic, where runtime changes also arrive. */
    static void publishWatchlist(MonitorConfig config, KafkaEnvironment kafka) {
        Map<String, WatchlistEntry> entries = new LinkedHashMap<>();
        AlertJob.watchlist(config).forEach(entry -> entries.put(entry.getTerm(), entry));
        if (!entries.isEmpty()) {
            TopicWriter.write(kafka.clientConfig(), kafka.topics().watchlist(), entries);
        }
    }

    private static void awaitQuietly(CountDownLatch closed) {
        try {
            closed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running
        }
    }

    @Command(name = "tail", mixinStandardHelpOptions = true,
            description = {"Print alerts from media.alerts as they come: readable, or JSON lines with --json.",
                    "Reads committed records only and commits nothing."})
    static final class Tail implements Callable<Integer> {

        @Mixin
        GlobalOptions global;

        @Option(names = "--json", description = "One JSON object per alert (times in ISO-8601 UTC).")
        boolean json;

        @Option(names = "--from-beginning", description = "Start at the oldest alert kept, not at new ones.")
        boolean fromBeginning;

        @Option(names = "--max", paramLabel = "N", description = "Stop after N alerts.")
        Integer max;

        @Option(names = "--timeout", paramLabel = "DURATION",
                description = "Stop when no alert came for this long (e.g. 30s, 5m). Default: never.")
        String timeout;

        @Override
        public Integer call() {
            MonitorConfig config = global.config();
            if (max != null && max < 1) {
                throw new ConfigException("--max: expected at least 1 alert, got " + max);
            }
            if (timeout != null && timeout.strip().matches("\\d+")) {
                // a bare number is milliseconds in the configuration's *.ms keys, surely not what "--timeout 30" means
                throw new ConfigException("--timeout: give a unit, e.g. " + timeout.strip() + "s or 5m");
            }
            Duration idle;
            try {
                idle = timeout == null ? null : io.mediamonitor.app.config.Durations.parse(timeout);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--timeout: " + e.getMessage());
            }
            CountDownLatch closed = new CountDownLatch(1);
            try (KafkaEnvironment kafka = KafkaEnvironment.openForReading(config);
                 AlertTail tail = new AlertTail(kafka.clientConfig(), kafka.topics())) {
                // Ctrl-C ends the tail, and the JVM waits for the reader and an embedded broker to close
                Thread stop = new Thread(() -> {
                    tail.stop();
                    awaitQuietly(closed);
                }, "alerts-tail-stop");
                Runtime.getRuntime().addShutdownHook(stop);
                try {
                    tail.tail(json, fromBeginning, max, idle, System.out);
                } finally {
                    removeQuietly(stop);
                }
                return 0; // success, however many alerts came (an exit code is not a count)
            } finally {
                closed.countDown();
            }
        }
    }
}
