package io.mediamonitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediamonitor.testing.KafkaTestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InternalTopicsIT {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration GRACE = Duration.ofMinutes(5);
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
    void createsEveryInternalTopicAsStreamsWouldBeforeTheJobStarts() throws Exception {
        String app = "internal-topics-" + UUID.randomUUID();
        String input = app + ".in";
        kafka.admin().createTopics(List.of(new NewTopic(input, 3, (short) 1))).all().get();

        try (Job job = new Job(app, topology(input), props(app, stateDir))) {
            job.start();

            Map<String, TopicDescription> internal = describe(app);
            assertThat(partitionsByTopic(internal)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    app + "-by-value-repartition", 3,
                    app + "-counts-by-hour-changelog", 3,
                    app + "-fixed-repartition", 2,
                    app + "-totals-changelog", 2,
                    app + "-first-repartition", 3,
                    app + "-second-repartition", 3,
                    app + "-chained-changelog", 3));
            Config windowed = config(app + "-counts-by-hour-changelog");
            assertThat(windowed.get("cleanup.policy").value()).isEqualTo("compact,delete");
            assertThat(windowed.get("retention.ms").value()).as("window, grace and Streams' extra day")
                    .isEqualTo(String.valueOf(HOUR.plus(GRACE).plusDays(1).toMillis()));
            assertThat(config(app + "-totals-changelog").get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(config(app + "-by-value-repartition").get("cleanup.policy").value()).isEqualTo("delete");
            assertThat(config(app + "-by-value-repartition").get("max.message.bytes").value())
                    .as("topic.* overrides applied").isEqualTo("1048588");

            try (var producer = new KafkaProducer<>(kafka.clientConfig(), new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>(input, "k", "mali")).get();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> job.processedRecords() > 0);
        }
    }

    @Test
    void leavesExistingTopicsAsTheyAre() throws Exception {
        String app = "internal-topics-" + UUID.randomUUID();
        String input = app + ".in";
        kafka.admin().createTopics(List.of(new NewTopic(input, 3, (short) 1),
                new NewTopic(app + "-totals-changelog", 2, (short) 1)
                        .configs(Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "1234"))))
                .all().get();

        Topology topology = topology(input);
        Properties props = props(app, stateDir);
        try (KafkaStreams unused = new KafkaStreams(topology, props)) {
            InternalTopics.createMissing(topology, new StreamsConfig(props));
        }

        assertThat(describe(app)).hasSize(7);
        assertThat(config(app + "-totals-changelog").get("min.compaction.lag.ms").value()).isEqualTo("1234");
    }

    /** Two repartitions in a row, one with a fixed width, a windowed and two key-value stores. */
    private static Topology topology(String input) {
        StreamsBuilder builder = new StreamsBuilder();
        var values = builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                .selectKey((key, value) -> value);
        values.groupByKey(Grouped.as("by-value"))
                .windowedBy(TimeWindows.ofSizeAndGrace(HOUR, GRACE))
                .count(Materialized.as("counts-by-hour"));
        values.repartition(Repartitioned.<String, String>as("fixed").withNumberOfPartitions(2))
                .groupByKey()
                .count(Materialized.as("totals"));
        values.repartition(Repartitioned.as("first"))
                .selectKey((key, value) -> value + "!")
                .groupByKey(Grouped.as("second"))
                .count(Materialized.as("chained"));
        return builder.build();
    }

    private static Properties props(String app, Path stateDir) throws Exception {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir.resolve(app)).toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        p.put(StreamsConfig.topicPrefix("max.message.bytes"), "1048588");
        p.put("consumer.auto.offset.reset", "earliest");
        return p;
    }

    private static Map<String, TopicDescription> describe(String app) throws Exception {
        Set<String> names = kafka.admin().listTopics().names().get().stream()
                .filter(name -> name.startsWith(app + "-")).collect(Collectors.toSet());
        return kafka.admin().describeTopics(names).allTopicNames().get();
    }

    private static Map<String, Integer> partitionsByTopic(Map<String, TopicDescription> topics) {
        return topics.values().stream()
                .collect(Collectors.toMap(TopicDescription::name, topic -> topic.partitions().size()));
    }

    private static Config config(String topic) throws ExecutionException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return kafka.admin().describeConfigs(List.of(resource)).all().get().get(resource);
    }

    /** A job that tells how many records its subtopologies took in. */
    private static final class Job extends StreamsJob {
        Job(String app, Topology topology, Properties props) {
            super(app, topology, props);
        }

        double processedRecords() {
            return streams().metrics().entrySet().stream()
                    .filter(metric -> metric.getKey().name().equals("process-total")
                            && metric.getKey().group().equals("stream-thread-metrics"))
                    .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue())
                    .sum();
        }
    }
}
