package io.mediamonitor.enrich.bench;

import io.mediamonitor.enrich.tagging.Dictionary;
import io.mediamonitor.enrich.tagging.Tagger;
import io.mediamonitor.enrich.tagging.Tags;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Tagging throughput, one article per operation, over the full built-in dictionary (gazetteer and
 * Sahel pack), against one regex per alias. Run through {@link TaggerBenchmarkMain}, which turns
 * operations per second into MB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TaggerBenchmark {

    static final int ARTICLES = 400;
    static final long SEED = 20_251_125L;

    private BenchCorpus.Rotation articles;
    private Tagger tagger;
    private RegexBaseline regex;

    @Setup
    public void setUp() {
        articles = new BenchCorpus.Rotation(BenchCorpus.articles(ARTICLES, SEED));
        Dictionary dictionary = Dictionary.builtIn();
        tagger = dictionary.tagger();
        regex = new RegexBaseline(dictionary);
    }

    @Benchmark
    public Tags ahoCorasickTagger() {
        return tagger.tag(articles.next());
    }

    @Benchmark
    public int regexPerAlias() {
        return regex.count(articles.next());
    }

    /** Rebuilding the tagger, as on a change of the dictionary topic. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Tagger buildTagger() {
        Dictionary builtIn = Dictionary.builtIn();
        return Dictionary.of(builtIn.gazetteer(), builtIn.entries()).tagger();
    }
}
