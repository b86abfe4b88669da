package io.mediamonitor.app.cli;

import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.app.dashboard.HealthChecks;
import io.mediamonitor.app.dashboard.MonitorMetrics;
import io.mediamonitor.app.jobs.DashboardJob;
import io.mediamonitor.app.jobs.EnrichJob;
import io.mediamonitor.app.jobs.KafkaEnvironment;
import io.mediamonitor.app.jobs.Lifecycle;
import io.mediamonitor.enrich.EnrichService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the enrich Streams job alone; start several with the same application id to scale out. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        header = "Dedup stories, tag countries and actors, count mentions in windows.",
        description = "Run the enrich job: story dedup, country and actor tagging, windowed mention counts. Reads media.articles.raw, writes media.articles.enriched and media.mentions. Instances with the same enrich.application.id share the partitions. With dashboard.port set, serves the mention counts (/api/mentions), /metrics and /health.")
public final class EnrichCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() throws Exception {
        MonitorConfig config = global.config();
        // configuration errors surface before anything starts
        EnrichJob.settings(config);
        EnrichJob.baseDictionary(config);
        Lifecycle lifecycle = new Lifecycle();
        try {
            KafkaEnvironment kafka = lifecycle.manage(KafkaEnvironment.open(config));
            MonitorMetrics metrics = lifecycle.manage(new MonitorMetrics());
            EnrichService enrich = lifecycle.manage(EnrichJob.create(config, kafka.topics(), kafka.clientConfig(),
                    kafka.dataDir(), metrics.articlesTagged()::increment));
            metrics.bind(enrich.streams());
            metrics.expectDeadLettersFrom(enrich.sourceTopics());
            enrich.whenFailed(() -> lifecycle.fail("enrich stopped for good"));
            enrich.start();
            if (config.has("dashboard.port")) {
                DashboardJob.start(config, kafka, lifecycle, metrics,
                        new HealthChecks().register("enrich", HealthChecks.of(enrich)), enrich, 8080);
            }
            System.out.println("Enrich running against " + kafka.bootstrapServers() + ". Ctrl-C stops it.");
        } catch (RuntimeException e) {
            // a failed start closes what it had opened (broker, jobs) before the error is shown
            lifecycle.closeAll();
            throw e;
        }
        lifecycle.awaitShutdownSignal();
        return lifecycle.failed() ? 1 : 0;
    }
}
