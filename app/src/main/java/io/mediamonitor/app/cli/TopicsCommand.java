package io.mediamonitor.app.cli;

import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.app.jobs.KafkaEnvironment;
import io.mediamonitor.schema.Topic;
import io.mediamonitor.schema.Topics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints the topic catalogue, and creates the missing topics on demand. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        header = "Print the topic catalogue; create missing topics.",
        description = "Print the topic catalogue (names with topics.prefix applied, partitions as topics.partitions says for new topics, cleanup, key and value types). With --create, create the missing topics on the cluster.")
public final class TopicsCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Option(names = "--create", description = "Create missing topics (idempotent). Needs --bootstrap-servers or starts the embedded broker.")
    boolean create;

    @Option(names = "--markdown", description = "Print a Markdown table.")
    boolean markdown;

    @Override
    public Integer call() {
        MonitorConfig config = global.config();
        Topics topics = KafkaEnvironment.topics(config);
        if (create) {
            try (KafkaEnvironment kafka = KafkaEnvironment.open(config)) {
                // on stderr: stdout is the table, e.g. Markdown for a document
                System.err.println("Topics present on " + kafka.bootstrapServers());
            }
        }
        String format = markdown ? "| `%s` | %d | %s | %s | %s |%n" : "%-28s %4d  %-18s %-26s %s%n";
        if (markdown) {
            System.out.println("| topic | partitions | cleanup | key | value |");
            System.out.println("|---|---|---|---|---|");
        } else {
            System.out.printf("%-28s %4s  %-18s %-26s %s%n", "TOPIC", "PART", "CLEANUP", "KEY", "VALUE");
        }
        for (Topic<?, ?> topic : topics.all()) {
            System.out.printf(format, topic.name(), topic.spec().partitions(), topic.spec().describe(),
                    topic.keyDescription(), topic.valueDescription());
        }
        return 0;
    }
}
