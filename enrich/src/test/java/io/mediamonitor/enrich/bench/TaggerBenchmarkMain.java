package io.mediamonitor.enrich.bench;

import io.mediamonitor.enrich.tagging.Dictionary;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link TaggerBenchmark} and reports MB/s (10^6 bytes of UTF-8 text per second, one thread,
 * so per core). Command: {@code mvn -q -pl enrich test-compile exec:exec}; JMH options go in
 * {@code -Djmh.args="-wi 3 -w 2s -i 5 -r 2s -f 1"} (one string, split on spaces).
 */
public final class TaggerBenchmarkMain {

    private TaggerBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        String[] jmhArgs = Arrays.stream(args).flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
                .filter(s -> !s.isEmpty()).toArray(String[]::new);
        List<String> corpus = BenchCorpus.articles(TaggerBenchmark.ARTICLES, TaggerBenchmark.SEED);
        double bytesPerArticle = BenchCorpus.utf8Bytes(corpus) / (double) corpus.size();
        System.out.printf("corpus: %d articles, %.0f bytes each on average (UTF-8), %d aliases as regexes%n",
                corpus.size(), bytesPerArticle, new RegexBaseline(Dictionary.builtIn()).patternCount());

        CommandLineOptions cli = new CommandLineOptions(jmhArgs);
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(cli)
                .include(TaggerBenchmark.class.getName() + ".*").build()).run();

        double tagger = 0;
        double regex = 0;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            double score = r.getPrimaryResult().getScore();
            if (name.endsWith("ahoCorasickTagger")) {
                tagger = score * bytesPerArticle / 1e6;
            } else if (name.endsWith("regexPerAlias")) {
                regex = score * bytesPerArticle / 1e6;
            } else if (name.endsWith("buildTagger")) {
                System.out.printf("tagger build (full gazetteer + Sahel pack): %.1f ms%n", score);
            }
        }
        System.out.printf("Aho-Corasick tagger: %.1f MB/s per core%n", tagger);
        System.out.printf("regex per alias:     %.3f MB/s per core%n", regex);
        if (regex > 0) {
            System.out.printf("speed-up: %.0fx%n", tagger / regex);
        }
    }
}
