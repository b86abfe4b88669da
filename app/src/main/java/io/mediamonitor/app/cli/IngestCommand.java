package io.mediamonitor.app.cli;

import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.app.dashboard.HealthChecks;
import io.mediamonitor.app.dashboard.MonitorMetrics;
import io.mediamonitor.app.jobs.DashboardJob;
import io.mediamonitor.app.jobs.FeedRegistry;
import io.mediamonitor.app.jobs.IngestJob;
import io.mediamonitor.app.jobs.IngestMetrics;
import io.mediamonitor.app.jobs.KafkaEnvironment;
import io.mediamonitor.app.jobs.Lifecycle;
import io.mediamonitor.ingest.IngestReport;
import io.mediamonitor.ingest.IngestService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the feed ingester alone; instances in one group share the feeds. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        header = "Poll RSS/Atom feeds and publish each new article once.",
        description = "Poll the RSS/Atom feeds (config 'feeds:' and the media.feeds topic) and publish each new article once to media.articles.raw; feed health goes to media.feeds.status. Instances with the same ingest.group.id share the feeds. With dashboard.port set, serves /metrics, /health and the feed-health page.")
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Option(names = "--once", description = "Poll every feed once, print a report and exit (exit code 1 when any feed failed).")
    boolean once;

    @Override
    public Integer call() throws Exception {
        MonitorConfig config = global.config();
        // configuration errors surface before anything starts
        var settings = IngestJob.settings(config);
        var feeds = IngestJob.feeds(config);
        Lifecycle lifecycle = new Lifecycle();
        try {
            KafkaEnvironment kafka = lifecycle.manage(KafkaEnvironment.open(config));
            FeedRegistry.reconcile(kafka, feeds, false);
            IngestService ingest = lifecycle.manage(new IngestService(kafka.clientConfig(), kafka.topics(), settings, feeds));
            if (once) {
                IngestReport report = ingest.runOnce();
                System.out.println(report);
                lifecycle.closeAll();
                if (report.failures() > 0) {
                    System.err.printf("error: %d of %d feeds failed (see the report above)%n", report.failures(),
                            report.feeds().size());
                    return 1;
                }
                return 0;
            }
            MonitorMetrics metrics = lifecycle.manage(new MonitorMetrics());
            ingest.setListener(new IngestMetrics(metrics));
            ingest.start();
            if (config.has("dashboard.port")) {
                DashboardJob.start(config, kafka, lifecycle, metrics, new HealthChecks(), null, 8080);
            }
            System.out.println("Ingest running against " + kafka.bootstrapServers() + ". Ctrl-C stops it.");
        } catch (RuntimeException | InterruptedException e) {
            lifecycle.closeAll();
            throw e;
        }
        lifecycle.awaitShutdownSignal();
        return 0;
    }
}
