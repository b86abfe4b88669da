package io.mediamonitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.testing.KafkaTestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.internals.FailedProcessingException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job whose global table thread fails: Streams cannot replace that thread (asked to, it fails again on a
 * ClassCastException and leaves the job doing nothing), so the job stops and says so, for its command to exit.
 */
class StreamsJobIT {

    private static KafkaTestCluster kafka;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void start() {
        kafka = KafkaTestCluster.singleBroker();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void aFailedGlobalThreadStopsTheJobAndTellsItsCommand() throws Exception {
        String topic = "streams-job-it-global";
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        StreamsBuilder builder = new StreamsBuilder();
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("global-it"),
                        Serdes.String(), Serdes.String()).withLoggingDisabled(), topic,
                Consumed.with(Serdes.String(), Serdes.String()), () -> new Processor<String, String, Void, Void>() {
                    @Override
                    public void process(Record<String, String> record) {
                        // what no handler takes: the global thread itself fails
                        throw new FailedProcessingException("global-it", new IllegalStateException("fatal"));
                    }
                });
        Properties props = new Properties();
        props.putAll(StreamsDefaults.base("streams-job-it", Map.of("bootstrap.servers", kafka.bootstrapServers()),
                "streams-job-it-dead-letters", stateDir.toString()));
        CountDownLatch failed = new CountDownLatch(1);
        try (StreamsJob job = new StreamsJob("streams-job-it", builder.build(), props) { }) {
            job.whenFailed(failed::countDown);
            job.start();
            assertThat(job.awaitRunning(Duration.ofSeconds(60))).isTrue();
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                    kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, "k", "v")).get();
            }

            assertThat(failed.await(60, TimeUnit.SECONDS)).as("the job said it failed").isTrue();
            assertThat(job.streams().state()).isEqualTo(KafkaStreams.State.ERROR);
        }
    }
}
