package io.mediamonitor.app.cli;

import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.app.jobs.FeedRegistry;
import io.mediamonitor.app.jobs.IngestJob;
import io.mediamonitor.app.jobs.KafkaEnvironment;
import io.mediamonitor.model.Feed;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The feeds registered on the feeds topic: listed, and withdrawn. */
@Command(name = "feeds", mixinStandardHelpOptions = true,
        header = "List the feeds registered on media.feeds; withdraw some.",
        description = {"List the feeds registered on the compacted media.feeds topic, which the ingest instances share"
                + " out: every configuration's feeds, registered at each start, and any written there. A feed this"
                + " configuration does not list is marked 'not configured' (another instance's configuration may"
                + " list it).",
                "A feed taken out of a configuration stays registered (instances may run with different ones):"
                        + " 'feeds remove URL' withdraws it."},
        subcommands = FeedsCommand.Remove.class)
public final class FeedsCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
        return withRegistry(global, (kafka, configured, registered) -> {
            System.out.printf("%d feed(s) registered on %s%n", registered.size(), kafka.topics().feeds().name());
            for (Feed feed : registered.values()) {
                System.out.printf("%s  %s%s%s%s%n", feed.getUrl(), feed.getName(),
                        feed.getLanguage() == null ? "" : "  [" + feed.getLanguage() + "]",
                        feed.getTags().isEmpty() ? "" : "  tags " + String.join(",", feed.getTags()),
                        configured.contains(feed.getUrl()) ? "" : "  (not configured)");
            }
            return 0;
        });
    }

    /** What a feeds command does with the cluster open, the configuration's feed URLs and the registered feeds. */
    @FunctionalInterface
    interface RegistryCommand {
        int run(KafkaEnvironment kafka, Set<String> configured, SortedMap<String, Feed> registered);
    }

    static int withRegistry(GlobalOptions global, RegistryCommand command) {
        MonitorConfig config = global.config();
        Set<String> configured = IngestJob.feeds(config).stream().map(Feed::getUrl).collect(Collectors.toSet());
        try (KafkaEnvironment kafka = KafkaEnvironment.openForReading(config)) {
            return command.run(kafka, configured, FeedRegistry.read(kafka));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Withdraw registered feeds: the ingest instance that owns each stops polling it, and its"
                    + " health leaves the dashboard. Articles already published stay.",
                    "A URL still in the configuration is registered again when ingest next starts: take it out of"
                            + " the configuration too. Exit code 2 when a URL is not registered (nothing is"
                            + " withdrawn then)."})
    static final class Remove implements Callable<Integer> {

        @Mixin
        GlobalOptions global;

        @Parameters(arity = "1..*", paramLabel = "URL", description = "Feed URLs, as 'feeds' lists them.")
        List<String> urls;

        @Override
        public Integer call() {
            return withRegistry(global, (kafka, configured, registered) -> {
                List<String> unknown = urls.stream().filter(url -> !registered.containsKey(url)).toList();
                if (!unknown.isEmpty()) {
                    System.err.printf("error: not registered on %s: %s ('media-monitor feeds' lists the feeds)%n",
                            kafka.topics().feeds().name(), String.join(", ", unknown));
                    return 2;
                }
                FeedRegistry.withdraw(kafka, urls);
                for (String url : urls) {
                    System.out.println("Withdrew " + url + (configured.contains(url)
                            ? " (still in the configuration: ingest registers it again at its next start)" : ""));
                }
                return 0;
            });
        }
    }
}
