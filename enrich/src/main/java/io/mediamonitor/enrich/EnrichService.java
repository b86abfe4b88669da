package io.mediamonitor.enrich;

import io.mediamonitor.schema.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enrich topology. Instances started with the same application id share the input
 * partitions, so the job scales out by starting more of them.
 */
public final class EnrichService implements AutoCloseable {

    public static final String DEFAULT_APPLICATION_ID = "media-monitor-enrich";
    private static final Logger log = LoggerFactory.getLogger(EnrichService.class);

    private final KafkaStreams streams;
    private final LiveDictionary dictionary;
    private final Duration windowSize;

    public EnrichService(Topics topics, EnrichSettings settings, LiveDictionary dictionary,
                         Map<String, Object> clientConfig, String applicationId, String stateDir) {
        this(topics, settings, dictionary, clientConfig, applicationId, stateDir, () -> { });
    }

    /** @param onTagged called once per tagged article (metrics) */
    public EnrichService(Topics topics, EnrichSettings settings, LiveDictionary dictionary,
                         Map<String, Object> clientConfig, String applicationId, String stateDir, Runnable onTagged) {
        this.dictionary = dictionary;
        this.windowSize = settings.windowSize();
        Topology topology = EnrichTopology.build(topics, settings, dictionary, Clock.systemUTC(), onTagged);
        Properties props = StreamsDefaults.base(applicationId, clientConfig, topics.deadLetter().name(), stateDir);
        this.streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(e -> {
            log.error("Enrich stream thread failed; replacing it", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    public void start() {
        streams.start();
        log.info("Enrich started");
    }

    public KafkaStreams streams() {
        return streams;
    }

    public LiveDictionary dictionary() {
        return dictionary;
    }

    public MentionQueries queries() {
        return new MentionQueries(streams, windowSize);
    }

    /** Waits until the topology runs, so callers can tell a started service from a failing one. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (streams.state() == KafkaStreams.State.RUNNING) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Override
    public void close() {
        // leave the group at once, so the other instances take over now rather than after the session timeout
        streams.close(org.apache.kafka.streams.CloseOptions.groupMembershipOperation(
                org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30)));
        log.info("Enrich stopped");
    }
}
