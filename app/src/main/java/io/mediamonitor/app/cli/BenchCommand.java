package io.mediamonitor.app.cli;

import io.mediamonitor.ingest.bench.IngestBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Measured, not claimed: benchmarks that print their figures. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Benchmarks that print figures.",
        description = "Benchmarks that print figures. 'bench ingest' polls N feeds served on loopback (half answer 200 with 20 items, half 304) through the real fetch, parse and normalize path and prints feeds/s, articles/s and peak heap. Run with -Xmx512m to check the memory goal. The tagger's JMH benchmark runs from the build: see the README.",
        subcommands = BenchCommand.Ingest.class)
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
}
