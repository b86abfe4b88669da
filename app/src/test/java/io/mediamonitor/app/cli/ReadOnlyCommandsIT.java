package io.mediamonitor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.app.MediaMonitor;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.KafkaTestCluster;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command that only reads leaves the cluster as it found it. */
class ReadOnlyCommandsIT {

    @TempDir
    Path dataDir;

    @Test
    void alertsTailCreatesNoTopicAndExitsZeroAfterItsTimeout() throws Exception {
        Topics topics = new Topics("read-only-it.");
        try (KafkaTestCluster kafka = KafkaTestCluster.singleBroker(); Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, (short) -1).ensure(List.of(topics.alerts()));

            int exit = MediaMonitor.commandLine().execute("alerts", "tail", "--timeout", "1s",
                    "--bootstrap-servers", kafka.bootstrapServers(), "--data-dir", dataDir.toString(),
                    "-D", "topics.prefix=read-only-it.");

            assertThat(exit).isZero();
            Set<String> names = admin.listTopics().names().get();
            assertThat(names).filteredOn(name -> name.startsWith("read-only-it."))
                    .containsExactly(topics.alerts().name());
        }
    }
}
