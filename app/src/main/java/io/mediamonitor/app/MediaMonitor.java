package io.mediamonitor.app;

import io.mediamonitor.app.cli.AlertsCommand;
import io.mediamonitor.app.cli.BacktestCommand;
import io.mediamonitor.app.cli.BenchCommand;
import io.mediamonitor.app.cli.BrokerCommand;
import io.mediamonitor.app.cli.EnrichCommand;
import io.mediamonitor.app.cli.EvaluateCommand;
import io.mediamonitor.app.cli.FeedsCommand;
import io.mediamonitor.app.cli.FetchCommand;
import io.mediamonitor.app.cli.GlobalOptions;
import io.mediamonitor.app.cli.IngestCommand;
import io.mediamonitor.app.cli.RunCommand;
import io.mediamonitor.app.cli.TagCommand;
import io.mediamonitor.app.cli.TopicsCommand;
import io.mediamonitor.app.cli.WatchCommand;
import io.mediamonitor.app.config.ConfigException;
import io.mediamonitor.kafka.KafkaUnreachableException;
import io.mediamonitor.kafka.MissingTopicException;
import io.mediamonitor.schema.TopicLayoutException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The media-monitor executable: one subcommand per job. */
@Command(name = "media-monitor",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        usageHelpAutoWidth = true,
        description = {
                "Kafka-native media monitoring: RSS/Atom feeds in; articles tagged with countries and actors, "
                        + "windowed mention counts and explainable spike alerts out.",
                "",
                "Without --bootstrap-servers, commands that need Kafka start an embedded single-node broker "
                        + "with its data under --data-dir."},
        subcommands = {
                RunCommand.class,
                BrokerCommand.class,
                IngestCommand.class,
                EnrichCommand.class,
                AlertsCommand.class,
                FetchCommand.class,
                TagCommand.class,
                WatchCommand.class,
                BacktestCommand.class,
                EvaluateCommand.class,
                BenchCommand.class,
                TopicsCommand.class,
                FeedsCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Run 'media-monitor COMMAND --help' for a command's options."})
public final class MediaMonitor implements Runnable, GlobalOptions.Root {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Override
    public GlobalOptions globalOptions() {
        return global;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new MediaMonitor());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true); // --world steady, not STEADY
        withVersion(commandLine); // -V on a subcommand too (`run -V`), not an empty line
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof KafkaUnreachableException) {
                LoggerFactory.getLogger(MediaMonitor.class).debug("Kafka unreachable", e);
                cmd.getErr().println(cmd.getColorScheme().errorText("error: " + e.getMessage()));
                return 2;
            }
            if (e instanceof ConfigException || e instanceof IllegalArgumentException
                    || e instanceof TopicLayoutException || e instanceof MissingTopicException) {
                cmd.getErr().println(cmd.getColorScheme().errorText("error: " + e.getMessage()));
                return 2;
            }
            throw e;
        });
        return commandLine;
    }

    private static PrintStream utf8(FileDescriptor stream) {
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(stream)), true, StandardCharsets.UTF_8);
    }

    private static void withVersion(CommandLine command) {
        command.getCommandSpec().versionProvider(new Version());
        command.getSubcommands().values().forEach(MediaMonitor::withVersion);
    }

    public static void main(String[] args) {
        // JSON and the articles' text are UTF-8, whatever the locale: under LC_ALL=C (cron, systemd, slim images)
        // Java 17 would print '?' for every accented letter
        System.setOut(utf8(FileDescriptor.out));
        System.setErr(utf8(FileDescriptor.err));
        CommandLine commandLine = commandLine();
        // a PrintWriter over a stream encodes with the default charset, not the stream's: UTF-8 said again
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(commandLine.execute(args));
    }
}
