package io.mediamonitor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.app.MediaMonitor;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.KafkaTestCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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

            // where no job has created the topics yet (or the prefix is not the jobs'): one line, exit 2; before,
            // a stack trace and exit 1, the first thing a new user met
            for (String[] command : new String[][] {{"alerts", "tail", "--timeout", "1s"}, {"feeds"}}) {
                StringWriter err = new StringWriter();
                CommandLine commandLine = MediaMonitor.commandLine();
                commandLine.setErr(new PrintWriter(err));
                String[] args = Stream.concat(Arrays.stream(command), Stream.of("--bootstrap-servers",
                        kafka.bootstrapServers(), "--data-dir", dataDir.toString(), "-D", "topics.prefix=nope."))
                        .toArray(String[]::new);

                assertThat(commandLine.execute(args)).as(command[0]).isEqualTo(2);
                assertThat(err.toString().strip()).as(command[0]).startsWith("error: topic nope.")
                        .contains("does not exist").doesNotContain("\tat ");
            }
            assertThat(admin.listTopics().names().get()).noneMatch(name -> name.startsWith("nope."));
        }
    }
}
