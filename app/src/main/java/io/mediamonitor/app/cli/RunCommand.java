package io.mediamonitor.app.cli;

import io.mediamonitor.alerts.notify.NotificationChannel;
import io.mediamonitor.alerts.stream.AlertService;
import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.app.dashboard.DashboardServer;
import io.mediamonitor.app.dashboard.HealthChecks;
import io.mediamonitor.app.dashboard.MonitorMetrics;
import io.mediamonitor.app.demo.DemoCatalogue;
import io.mediamonitor.app.demo.DemoFeedServer;
import io.mediamonitor.app.jobs.AlertJob;
import io.mediamonitor.app.jobs.DashboardJob;
import io.mediamonitor.app.jobs.EnrichJob;
import io.mediamonitor.app.jobs.FeedRegistry;
import io.mediamonitor.app.jobs.IngestJob;
import io.mediamonitor.app.jobs.IngestMetrics;
import io.mediamonitor.app.jobs.KafkaEnvironment;
import io.mediamonitor.app.jobs.Lifecycle;
import io.mediamonitor.app.jobs.Ports;
import io.mediamonitor.enrich.EnrichService;
import io.mediamonitor.ingest.IngestService;
import io.mediamonitor.model.Feed;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Everything in one process: the first thing a new user runs. */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Run everything in one process: broker, ingest, enrich, alerts, dashboard.",
        description = "Run everything in one process: the embedded Kafka broker (unless --bootstrap-servers), ingest, enrich, alerts with their notification channels, and the dashboard. Without feeds in the config it monitors the bundled demo: invented Sahel outlets served from inside the app, whose news arrive over the first minute and raise an alert. Ctrl-C stops cleanly; a second start resumes where the first stopped.")
public final class RunCommand implements Callable<Integer> {

    /** Settings the demo needs: its feeds are on loopback and publish within seconds. */
    static final Map<String, String> DEMO_DEFAULTS = Map.of(
            "ingest.allow.private.addresses", "true",
            "ingest.poll.interval.ms", "3s",
            "ingest.poll.interval.min.ms", "2s",
            // the demo's history is sparse; without a tight cap the adaptive interval would grow
            // and the news of the first minute would arrive in late batches
            "ingest.poll.interval.max.ms", "5s");
    /** How long ingest waits for enrich to read before its first round; it starts regardless after that. */
    private static final Duration ENRICH_READY_WAIT = Duration.ofSeconds(60);

    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() throws Exception {
        MonitorConfig config = global.config();
        List<Feed> feeds = IngestJob.feeds(config);
        boolean demo = feeds.isEmpty();
        // configuration errors surface before anything starts
        var notifications = AlertJob.notifications(config, Map.of(
                "notify.console.enabled", "true", "notify.console.target", "stdout"));
        KafkaEnvironment.topics(config);
        AlertJob.watchlist(config);
        AlertJob.settings(config);
        EnrichJob.baseDictionary(config);
        IngestJob.settings(config);
        // a port already taken fails now, not after the broker and three jobs have started
        Ports.ensureFree(config.string("dashboard.bind.address", "127.0.0.1"), config.integer("dashboard.port", 8080),
                "the dashboard", "Pick another with -D dashboard.port=PORT (0: any free port).");
        if (demo) {
            Ports.ensureFree("127.0.0.1", config.integer("demo.port", 8079), "the demo feed server",
                    "Pick another with -D demo.port=PORT (0: any free port).");
        }
        Lifecycle lifecycle = new Lifecycle();
        try {
            KafkaEnvironment kafka = lifecycle.manage(KafkaEnvironment.open(config));
            if (demo) {
                config = config.withDefaults(DEMO_DEFAULTS);
                DemoCatalogue catalogue = DemoCatalogue.bundled();
                DemoFeedServer server = lifecycle.manage(DemoFeedServer.start(catalogue, Clock.systemUTC(),
                        config.integer("demo.port", 8079)));
                feeds = demoFeeds(catalogue, server);
            }
            AlertsCommand.publishWatchlist(config, kafka);
            FeedRegistry.reconcile(kafka, feeds, true);
            MonitorMetrics metrics = lifecycle.manage(new MonitorMetrics());
            IngestService ingest = lifecycle.manage(new IngestService(kafka.clientConfig(), kafka.topics(),
                    IngestJob.settings(config), feeds));
            EnrichService enrich = lifecycle.manage(EnrichJob.create(config, kafka.topics(), kafka.clientConfig(),
                    kafka.dataDir(), metrics.articlesTagged()::increment));
            AlertService alerts = lifecycle.manage(AlertJob.create(config, kafka.topics(), kafka.clientConfig(),
                    kafka.dataDir(), alert -> metrics.alertsRaised(alert.getStatus().name(), alert.getSeverity().name())
                            .increment()));
            metrics.bind(enrich.streams()).bind(alerts.streams());
            // the notification channels dead-letter alerts they cannot deliver
            metrics.expectDeadLettersFrom(enrich.sourceTopics()).expectDeadLettersFrom(alerts.sourceTopics())
                    .expectDeadLettersFrom(List.of(kafka.topics().alerts().name()));
            HealthChecks health = new HealthChecks()
                    .register("enrich", HealthChecks.of(enrich))
                    .register("alerts", HealthChecks.of(alerts));
            ingest.setListener(new IngestMetrics(metrics));
            enrich.whenFailed(() -> lifecycle.fail("enrich stopped for good"));
            enrich.start();
            alerts.whenFailed(() -> lifecycle.fail("alerts stopped for good"));
            alerts.start();
            for (NotificationChannel channel : notifications.channels(kafka.clientConfig(), kafka.topics())) {
                lifecycle.manage(channel).start();
            }
            // the feeds' first round brings their history: read while it is written, the raw topic's partitions
            // advance together and it reaches the counting in time order (a job that starts behind a backlog may
            // read one partition's whole history before another's: the watermark's lag bounds what it then counts)
            enrich.awaitRunning(ENRICH_READY_WAIT);
            if (lifecycle.failed()) {
                lifecycle.closeAll(); // enrich stopped for good while starting
                return 1;
            }
            ingest.start();
            DashboardServer dashboard = DashboardJob.start(config, kafka, lifecycle, metrics, health, enrich, 8080);
            System.out.println(banner(kafka, feeds.size(), demo));
            System.out.println("Dashboard: " + dashboard.url() + "  (metrics: " + dashboard.url() + "metrics, health: "
                    + dashboard.url() + "health)");
        } catch (RuntimeException e) {
            lifecycle.closeAll();
            throw e;
        }
        lifecycle.awaitShutdownSignal();
        return lifecycle.failed() ? 1 : 0;
    }

    private static String banner(KafkaEnvironment kafka, int feeds, boolean demo) {
        return "media-monitor is running: " + feeds + (demo ? " demo feeds (alerts appear within a minute)" : " feeds")
                + "; Kafka at " + kafka.bootstrapServers() + (kafka.embedded() ? " (embedded, data in "
                + kafka.dataDir().toAbsolutePath() + ")" : "") + ". Ctrl-C stops it.";
    }

    static List<Feed> demoFeeds(DemoCatalogue catalogue, DemoFeedServer server) {
        List<Feed> feeds = new ArrayList<>();
        for (DemoCatalogue.DemoFeed feed : catalogue.feeds()) {
            feeds.add(Feed.newBuilder().setUrl(server.feedUrl(feed.id())).setName(feed.name())
                    .setLanguage(feed.language()).setPollIntervalSeconds(3).setTags(List.of(FeedRegistry.DEMO_TAG))
                    .build());
        }
        return feeds;
    }
}
