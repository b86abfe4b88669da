package io.mediamonitor.enrich.bench;

import java.util.Arrays;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link StorySignatureBenchmark} and prints µs per article signed and tagged, and their ratio. Command:
 * {@code mvn -q -pl enrich test-compile exec:exec -Djmh.main=io.mediamonitor.enrich.bench.StorySignatureBenchmarkMain};
 * JMH options go in {@code -Djmh.args="..."} as for the tagger's.
 */
public final class StorySignatureBenchmarkMain {

    private StorySignatureBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        String[] jmhArgs = Arrays.stream(args).flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
                .filter(s -> !s.isEmpty()).toArray(String[]::new);
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(new CommandLineOptions(jmhArgs))
                .include(StorySignatureBenchmark.class.getName() + ".*").build()).run();
        double sign = Double.NaN;
        double tag = Double.NaN;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            if (name.endsWith(".sign")) {
                sign = r.getPrimaryResult().getScore();
            } else if (name.endsWith(".tag")) {
                tag = r.getPrimaryResult().getScore();
            }
        }
        System.out.printf("signing an article: %.2f µs; tagging it: %.2f µs; signing / tagging: %.2f%n", sign, tag,
                sign / tag);
    }
}
