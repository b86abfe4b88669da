package io.mediamonitor.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediamonitor.app.dashboard.HealthChecks.Status;
import io.mediamonitor.kafka.StreamsJob;
import io.mediamonitor.testing.KafkaTestCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream thread that fails on every attempt is replaced each time, so the job's state alone stays
 * RUNNING; the health check must still turn red, from the count of failures.
 */
class CrashLoopHealthIT {

    private static KafkaTestCluster kafka;

    @TempDir
    static java.nio.file.Path stateDir;

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaTestCluster.singleBroker();
        try (var admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic("crash.in", 1, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void aJobWhoseThreadsKeepFailingIsDownWhileOneThatRunsIsUp() throws Exception {
        try (FailingJob job = new FailingJob(kafka.bootstrapServers(), stateDir.toString())) {
            Supplier<Status> health = HealthChecks.of(job);
            job.start();
            assertThat(job.awaitRunning(Duration.ofSeconds(30))).isTrue();
            assertThat(health.get().up()).isTrue();

            // A record the processor cannot get past: every replacement thread reads it again and fails.
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                    kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("crash.in", "k", "poison")).get();
            }

            // The failing threads surface as uncaught exceptions; they are the point, not a test failure.
            await().atMost(Duration.ofSeconds(90)).dontCatchUncaughtExceptions().untilAsserted(() -> {
                Status status = health.get();
                assertThat(status.up()).isFalse();
                assertThat(status.detail()).contains("stream-thread failures in 5 min");
            });
            assertThat(job.recentFailures(Duration.ofMinutes(5))).isGreaterThanOrEqualTo(3);
        }
    }

    private static final class FailingJob extends StreamsJob {
        FailingJob(String bootstrap, String stateDir) {
            super("crash-loop test", topology(), props(bootstrap, stateDir));
        }

        private static org.apache.kafka.streams.Topology topology() {
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream("crash.in", Consumed.with(Serdes.String(), Serdes.String()))
                    .foreach((key, value) -> {
                        throw new IllegalStateException("cannot process " + value);
                    });
            return builder.build();
        }

        private static Properties props(String bootstrap, String stateDir) {
            Properties p = new Properties();
            p.put(StreamsConfig.APPLICATION_ID_CONFIG, "crash-loop-test");
            p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
            p.put("consumer.auto.offset.reset", "earliest");
            // A failed thread does not leave the group: its replacement waits out the old member's session.
            p.put("consumer.session.timeout.ms", "6000");
            p.put("consumer.heartbeat.interval.ms", "1000");
            return p;
        }
    }
}
