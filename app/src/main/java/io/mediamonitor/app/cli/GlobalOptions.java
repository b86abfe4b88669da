package io.mediamonitor.app.cli;

import io.mediamonitor.app.config.ConfigKeys;
import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.kafka.logging.ConsoleLogging;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options every command accepts, before or after its name. Each command has this mixin; setters
 * store into the root command's instance so {@code media-monitor --config x run} and
 * {@code media-monitor run --config x} mean the same.
 */
public final class GlobalOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private String bootstrapServers;
    private Path configFile;
    private Path dataDir;
    private final Map<String, String> overrides = new LinkedHashMap<>();

    /** The root command: it holds the options every subcommand's mixin stores into. */
    public interface Root {
        GlobalOptions globalOptions();
    }

    private GlobalOptions root() {
        return ((Root) mixee.root().userObject()).globalOptions();
    }

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka cluster to use (config key bootstrap.servers). Absent: start the embedded broker.")
    void setBootstrapServers(String value) {
        root().bootstrapServers = value;
    }

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file.")
    void setConfigFile(Path value) {
        root().configFile = value;
    }

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the embedded broker and local state live (default: ./data, or data.dir in the config).")
    void setDataDir(Path value) {
        root().dataDir = value;
    }

    @Option(names = {"-v", "--verbose"},
            description = "Log everything: Kafka's INFO messages, our DEBUG messages, and the warnings a healthy start always logs.")
    void setVerbose(boolean verbose) {
        if (verbose) {
            ConsoleLogging.verbose();
        }
    }

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE",
            description = "Override one config key, e.g. -D topics.prefix=staging.media.")
    void setOverride(Map<String, String> values) {
        root().overrides.putAll(values);
    }

    /** The configuration: file, then MEDIA_MONITOR_* environment variables, then -D and the options above. */
    public MonitorConfig config() {
        GlobalOptions root = root();
        Map<String, String> cli = new LinkedHashMap<>(root.overrides);
        if (root.bootstrapServers != null) {
            cli.put("bootstrap.servers", root.bootstrapServers);
        }
        if (root.dataDir != null) {
            cli.put("data.dir", root.dataDir.toString());
        }
        MonitorConfig config = MonitorConfig.load(root.configFile, System.getenv(), cli);
        ConfigKeys.check(config); // a typo is an error, not a setting silently ignored
        return config;
    }

    public Path configFile() {
        return root().configFile;
    }
}
