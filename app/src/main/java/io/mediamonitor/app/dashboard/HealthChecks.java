package io.mediamonitor.app.dashboard;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Named readiness checks registered by the parts of the app ("kafka", "enrich", "alerts"...).
 * The app is ready when every check is up; a check that throws is down, with the reason.
 */
public final class HealthChecks {

    /** One check's answer. */
    public record Status(boolean up, String detail) {

        public static Status up(String detail) {
            return new Status(true, detail);
        }

        public static Status down(String detail) {
            return new Status(false, detail);
        }
    }

    /** Every check's answer; {@code up} when all are. */
    public record Report(boolean up, Map<String, Status> checks) {
    }

    private final Map<String, Supplier<Status>> checks = new ConcurrentHashMap<>();

    public HealthChecks register(String name, Supplier<Status> check) {
        checks.put(name, check);
        return this;
    }

    public void unregister(String name) {
        checks.remove(name);
    }

    public Report check() {
        Map<String, Status> answers = new LinkedHashMap<>();
        new TreeMap<>(checks).forEach((name, check) -> {
            Status status;
            try {
                status = check.get();
                if (status == null) {
                    status = Status.down("check gave no answer");
                }
            } catch (RuntimeException e) {
                status = Status.down(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            answers.put(name, status);
        });
        return new Report(answers.values().stream().allMatch(Status::up), answers);
    }

    /**
     * A Streams job is up while it runs or rebalances and its threads are not crash-looping: a
     * failed thread is replaced, so only the failure count tells a loop from a one-off.
     */
    public static Supplier<Status> of(io.mediamonitor.kafka.StreamsJob job) {
        Supplier<Status> state = of(job.streams());
        return () -> {
            Status status = state.get();
            int failures = job.recentFailures(Duration.ofMinutes(5));
            if (failures >= 3) {
                return new Status(false, status.detail() + ", " + failures + " stream-thread failures in 5 min");
            }
            return failures == 0 ? status : new Status(status.up(), status.detail() + ", " + failures
                    + " stream-thread failure(s) in 5 min");
        };
    }

    /** Up while the Streams application runs or rebalances; down when created, stopping, dead or failed. */
    public static Supplier<Status> of(KafkaStreams streams) {
        return () -> {
            KafkaStreams.State state = streams.state();
            boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
            return new Status(up, state.name());
        };
    }

    /** Up when the cluster answers a metadata request within {@code timeout}. */
    public static Supplier<Status> of(Admin admin, Duration timeout) {
        return () -> {
            try {
                int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                        .nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS).size();
                return Status.up(brokers + " broker(s)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Status.down("interrupted");
            } catch (Exception e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return Status.down("Kafka unreachable: " + cause.getClass().getSimpleName());
            }
        };
    }
}
