package io.mediamonitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsJobTest {

    @TempDir
    Path stateDir;

    @Test
    void theTopicsAJobReadsIncludeItsRepartitionTopicsByTheirFullNamesAndItsGlobalTables() {
        StreamsBuilder builder = new StreamsBuilder();
        GlobalTables.latestValues(builder, Stores.inMemoryKeyValueStore("settings"), "job.settings",
                Consumed.with(Serdes.String(), Serdes.String()).withName("read-settings"), Serdes.String());
        builder.stream("job.input", Consumed.with(Serdes.String(), Serdes.String()).withName("read-input"))
                .repartition(Repartitioned.<String, String>as("by-word").withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.String()))
                .to("job.output");
        Properties props = new Properties();
        props.putAll(StreamsDefaults.base("source-topics-test", Map.of("bootstrap.servers", "127.0.0.1:9"),
                "job.dead-letters", stateDir.toString()));

        try (StreamsJob job = new StreamsJob("source-topics-test", builder.build(), props) { }) {
            assertThat(job.sourceTopics()).containsExactlyInAnyOrder("job.input",
                    "source-topics-test-by-word-repartition", "job.settings");
        }
    }
}
