package io.mediamonitor.tools.bench;

import io.mediamonitor.alerts.stream.AlertService;
import io.mediamonitor.enrich.EnrichService;
import io.mediamonitor.enrich.LiveDictionary;
import io.mediamonitor.enrich.tagging.Dictionary;
import io.mediamonitor.schema.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The real enrich and alerts jobs with the given settings and the built-in dictionary, under application ids
 * of their own and in a throwaway state directory, so a run shares nothing with a deployment on the same
 * cluster.
 */
final class PipelineJobs implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path stateDir;
    private final String enrichId;
    private final String alertsId;
    private final EnrichService enrich;
    private final AlertService alerts;

    PipelineJobs(Topics topics, PipelineSettings settings, Map<String, Object> clientConfig, String runId)
            throws IOException {
        stateDir = Files.createTempDirectory("media-monitor-bench-state");
        enrichId = runId + "-enrich";
        alertsId = runId + "-alerts";
        enrich = new EnrichService(topics, settings.enrich(), LiveDictionary.over(Dictionary.builtIn()),
                clientConfig, enrichId, stateDir.resolve("enrich").toString());
        alerts = new AlertService(topics, settings.alerts(), clientConfig, alertsId,
                stateDir.resolve("alerts").toString());
    }

    /** Starts both jobs and waits until both run (a job still rebalancing would count as slow); returns this. */
    PipelineJobs started() throws InterruptedException {
        enrich.start();
        alerts.start();
        if (!enrich.awaitRunning(START_TIMEOUT) || !alerts.awaitRunning(START_TIMEOUT)) {
            throw new IllegalStateException("the enrich and alerts jobs did not reach RUNNING within " + START_TIMEOUT
                    + " (enrich " + enrich.streams().state() + ", alerts " + alerts.streams().state() + ")");
        }
        return this;
    }

    KafkaStreams enrich() {
        return enrich.streams();
    }

    KafkaStreams alerts() {
        return alerts.streams();
    }

    String enrichApplicationId() {
        return enrichId;
    }

    String alertsApplicationId() {
        return alertsId;
    }

    @Override
    public void close() throws IOException {
        try {
            alerts.close();
            enrich.close();
        } finally {
            try (Stream<Path> files = Files.walk(stateDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
