package io.mediamonitor.app.cli;

import io.mediamonitor.app.broker.EmbeddedKafkaBroker;
import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.app.jobs.AlertJob;
import io.mediamonitor.app.jobs.EnrichJob;
import io.mediamonitor.app.jobs.KafkaEnvironment;
import io.mediamonitor.tools.bench.IngestBenchmark;
import io.mediamonitor.tools.bench.PipelineBenchmark;
import io.mediamonitor.tools.bench.PipelineOptions;
import io.mediamonitor.tools.bench.PipelineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Measured, not claimed: benchmarks that print their figures. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Benchmarks that print figures.",
        description = "Benchmarks that print figures. 'bench ingest' polls N feeds served on loopback (half answer 200 with 20 items, half 304) through the real fetch, parse and normalize path and prints feeds/s, articles/s and peak heap. Run with -Xmx512m to check the memory goal. 'bench pipeline' runs generated articles through the real enrich and alerts jobs on Kafka and prints throughput, latency, heap and bytes side by side with raw Kafka. The tagger's JMH benchmark runs from the build: see the README.",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Pipeline.class})
public final class BenchCommand implements Runnable {

    @Mixin
    GlobalOptions global;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true, description = "Poll N locally served feeds once and print the figures.")
    static final class Ingest implements Callable<Integer> {

        @Mixin
        GlobalOptions global;

        @Option(names = "--feeds", defaultValue = "10000", description = "How many feeds (default: ${DEFAULT-VALUE}).")
        int feeds;

        @Override
        public Integer call() throws Exception {
            IngestBenchmark.run(feeds, System.out);
            return 0;
        }
    }

    @Command(name = "pipeline", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Run generated articles through the real enrich and alerts jobs and print the figures.",
            description = {
                    "Generates articles (200 outlets, French and English, 1-3 KB, 2-5 terms the built-in tagger "
                            + "knows drawn from a Zipf law, 20 %% wire copies, 5 %% late by up to 3 h, bursts of a rare "
                            + "actor) and, in one run:",
                    "  1. raw Kafka: the same records produced and consumed, the yardstick for every ratio; then "
                            + "Kafka Streams alone: the same records copied by an exactly-once job with the jobs' "
                            + "settings and no state, the least any such job costs here;",
                    "  2. throughput: the articles sent as fast as they go through enrich and alerts, timed to the "
                            + "enriched topic, to the mention counts and to the alerts job caught up;",
                    "  3. latency: articles sent at --rate, send -> enriched, send -> first mention count and "
                            + "send -> alert, p50/p99; in this phase a burst every 5 simulated minutes, each on a "
                            + "keyword added to the dictionary at runtime, so that many alerts are timed;",
                    "  4. peak heap, the JVM's collector and its pauses (pass -XX:+UseParallelGC to java for the "
                            + "collector the Docker image runs the jobs with), and bytes and records written per "
                            + "article (by topic);",
                    "  5. with --soak, a long run timed per tenth (and the CPU per article of each), with a "
                            + "least-squares line through the tenths, the sender at most "
                            + PipelineBenchmark.SOAK_MAX_AHEAD + " articles ahead of the enriched topic (with "
                            + "--restart-broker, the broker stopped and restarted halfway, and the enriched topic "
                            + "checked for loss and duplicates).",
                    "Prints a Markdown table on stdout, progress on stderr. Starts an embedded broker in a "
                            + "temporary directory, deleted at the end, unless --bootstrap-servers names a cluster "
                            + "(everything the run creates there is named bench-<id> and deleted at the end). The "
                            + "machine's noise moves absolute figures: read the ratios."})
    static final class Pipeline implements Callable<Integer> {

        @Mixin
        GlobalOptions global;

        @Option(names = "--warmup", paramLabel = "N", defaultValue = "60000",
                description = "Articles sent first through raw Kafka and through the pipeline, not measured: the JIT "
                        + "compiles the hot paths, and at the default pace the detectors get the day of history "
                        + "they need before they alert (default: ${DEFAULT-VALUE}). The report's CPU per article "
                        + "says what the JIT compilers still took; on 2 cores they settle after about 150,000.")
        int warmup;

        @Option(names = "--articles", paramLabel = "N", defaultValue = "20000",
                description = "Articles of the raw baseline and the throughput phase (default: ${DEFAULT-VALUE}).")
        int articles;

        @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "500",
                description = "Articles per second sent in the latency phase (default: ${DEFAULT-VALUE}).")
        int rate;

        @Option(names = "--latency-seconds", paramLabel = "SECONDS", defaultValue = "30",
                description = "How long the latency phase sends (default: ${DEFAULT-VALUE}).")
        int latencySeconds;

        @Option(names = "--articles-per-hour", paramLabel = "N", defaultValue = "2000",
                description = "Simulated pace: publication times advance one hour per N articles, ending near now "
                        + "(default: ${DEFAULT-VALUE}).")
        double articlesPerHour;

        @Option(names = "--soak",
                description = "Also run the soak: --soak-articles more articles at full speed, throughput per tenth.")
        boolean soak;

        @Option(names = "--soak-articles", paramLabel = "N", defaultValue = "1000000",
                description = "Articles of the soak (default: ${DEFAULT-VALUE}).")
        long soakArticles;

        @Option(names = "--restart-broker",
                description = "With --soak on the embedded broker: stop and restart the broker halfway through the "
                        + "soak, then read the enriched topic whole to check that nothing was lost or doubled.")
        boolean restartBroker;

        @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
                description = "Generator seed: the same seed gives the same articles (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1800",
                description = "Longest any one wait may take; past it the progress reached and the rate so far are "
                        + "printed instead (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Override
        public Integer call() throws Exception {
            MonitorConfig config = global.config();
            // the jobs run with the configuration's settings, as `run` would start them: -D enrich.… works here too
            PipelineSettings settings = new PipelineSettings(EnrichJob.settings(config), AlertJob.settings(config),
                    KafkaEnvironment.topics(config).partitions());
            String bootstrap = config.string("bootstrap.servers", null);
            Map<String, Object> client = new LinkedHashMap<>(config.withPrefix("kafka"));
            if (restartBroker && (bootstrap != null || !soak)) {
                throw new IllegalArgumentException("--restart-broker restarts the embedded broker during the soak: "
                        + "it needs --soak and no --bootstrap-servers");
            }
            if (bootstrap != null) {
                client.put("bootstrap.servers", bootstrap);
                io.mediamonitor.kafka.BootstrapProbe.check(client,
                        config.duration("bootstrap.timeout.ms", KafkaEnvironment.DEFAULT_BOOTSTRAP_TIMEOUT));
                return run(settings, client, "cluster at " + bootstrap, null);
            }
            Path dataDir = Files.createTempDirectory("media-monitor-bench");
            EmbeddedKafkaBroker[] broker = {EmbeddedKafkaBroker.start(dataDir, 0)};
            try {
                String address = broker[0].bootstrapServers();
                client.put("bootstrap.servers", address);
                int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
                // the same data and client port: to the jobs it is the broker they had, back after a crash
                Runnable restart = !restartBroker ? null : () -> {
                    broker[0].close();
                    broker[0] = EmbeddedKafkaBroker.start(dataDir, port);
                };
                return run(settings, client, "embedded broker", restart);
            } finally {
                broker[0].close();
                deleteRecursively(dataDir);
            }
        }

        private int run(PipelineSettings settings, Map<String, Object> client, String setup, Runnable brokerRestart)
                throws Exception {
            PipelineOptions options = new PipelineOptions(warmup, articles, rate, Duration.ofSeconds(latencySeconds),
                    articlesPerHour, soak ? soakArticles : 0, seed, Duration.ofSeconds(timeoutSeconds), setup);
            PipelineBenchmark.run(options, settings, client, brokerRestart, System.err).print(System.out);
            return 0;
        }

        private static void deleteRecursively(Path dir) throws IOException {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
