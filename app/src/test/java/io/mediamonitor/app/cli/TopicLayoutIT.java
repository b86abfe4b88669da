package io.mediamonitor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.app.MediaMonitor;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.KafkaTestCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A job refuses to start on topics laid out so that it would read them wrong, as a configuration error. */
class TopicLayoutIT {

    @TempDir
    Path dataDir;

    @Test
    void alertsExitsTwoWithOneLineWhenCountsAndTheirArticlesHaveDifferentPartitions() throws Exception {
        Topics topics = new Topics("layout-it.");
        try (KafkaTestCluster kafka = KafkaTestCluster.singleBroker(); Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topics.mentions().name(), 4, (short) 1),
                    new NewTopic(topics.mentionArticles().name(), 6, (short) 1))).all().get();
            StringWriter err = new StringWriter();
            CommandLine commandLine = MediaMonitor.commandLine();
            commandLine.setErr(new PrintWriter(err, true));

            int exit = commandLine.execute("alerts", "--bootstrap-servers", kafka.bootstrapServers(),
                    "--data-dir", dataDir.toString(), "-D", "topics.prefix=layout-it.");

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString().strip()).doesNotContain("\n")
                    .startsWith("error: layout-it.mentions has 4 partitions and layout-it.mentions.articles 6")
                    .contains("--alter --topic layout-it.mentions --partitions 6");
        }
    }

    @Test
    void moreReplicasThanBrokersIsAConfigurationErrorNamingTheKey() throws Exception {
        try (KafkaTestCluster kafka = KafkaTestCluster.singleBroker()) {
            StringWriter err = new StringWriter();
            CommandLine commandLine = MediaMonitor.commandLine();
            commandLine.setErr(new PrintWriter(err, true));

            int exit = commandLine.execute("topics", "--create", "--bootstrap-servers", kafka.bootstrapServers(),
                    "--data-dir", dataDir.toString(), "-D", "topics.prefix=replicas-it.",
                    "-D", "topics.replication.factor=3");

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString().strip()).doesNotContain("\n").startsWith("error: topics.replication.factor=3: ")
                    .endsWith("Set it to at most the number of brokers, or -1 for the broker's default.");
            assertThat(commandLine.execute("topics", "--create", "--bootstrap-servers", kafka.bootstrapServers(),
                    "--data-dir", dataDir.toString(), "-D", "topics.replication.factor=70000")).isEqualTo(2);
        }
    }
}
