package io.mediamonitor.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle every media-monitor Streams job shares: a failed stream thread is replaced (bad
 * records already went to the dead-letter topic, so what reaches here is transient), and closing
 * leaves the group at once so the remaining instances take the tasks over without waiting for
 * the session timeout. The global tables' thread cannot be replaced: its failure stops the job,
 * and {@link #whenFailed} tells the command, which exits for a supervisor to restart it.
 */
public class StreamsJob implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsJob.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Topology topology;
    private final StreamsConfig config;
    private final KafkaStreams streams;
    private final java.util.Deque<java.time.Instant> failures = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final List<Runnable> onFailure = new CopyOnWriteArrayList<>();
    private boolean deadLettersOpen;

    protected StreamsJob(String name, Topology topology, Properties props) {
        this.name = name;
        this.topology = topology;
        this.config = new StreamsConfig(props);
        this.streams = new KafkaStreams(topology, config);
        streams.setUncaughtExceptionHandler(e -> {
            failures.addLast(java.time.Instant.now());
            while (failures.size() > 100) {
                failures.pollFirst();
            }
            if (GlobalDeadLetters.onGlobalThread()) {
                log.error("{} global table thread failed; Streams cannot replace it, so the job stops", name, e);
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            log.error("{} stream thread failed; replacing it", name, e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR) {
                for (Runnable action : onFailure) {
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        log.error("{}: a failure action failed", name, e);
                    }
                }
            }
        });
    }

    private String applicationId() {
        return config.getString(StreamsConfig.APPLICATION_ID_CONFIG);
    }

    /** Runs {@code action} if the job fails for good (Streams' ERROR state), as when its global thread fails. */
    public void whenFailed(Runnable action) {
        onFailure.add(action);
    }

    public void start() {
        InternalTopics.createMissing(topology, config);
        if (!deadLettersOpen) {
            GlobalDeadLetters.open(applicationId(), config.originals());
            deadLettersOpen = true;
        }
        streams.start();
        log.info("{} started", name);
    }

    /** The topics the job reads, repartition and global ones included: where its dead letters can come from. */
    public Set<String> sourceTopics() {
        return InternalTopics.sourceTopics(topology);
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Stream-thread failures (each replaced) within the last {@code period}: a crash loop shows here. */
    public int recentFailures(Duration period) {
        java.time.Instant since = java.time.Instant.now().minus(period);
        return (int) failures.stream().filter(t -> t.isAfter(since)).count();
    }

    /** Waits until the topology runs, so callers can tell a started job from a failing one (false at once). */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            KafkaStreams.State state = streams.state();
            if (state == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                    || state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.PENDING_SHUTDOWN) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
        if (deadLettersOpen) {
            GlobalDeadLetters.close(applicationId());
            deadLettersOpen = false;
        }
        log.info("{} stopped", name);
    }
}
