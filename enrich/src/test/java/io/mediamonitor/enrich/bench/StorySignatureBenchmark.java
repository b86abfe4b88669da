package io.mediamonitor.enrich.bench;

import io.mediamonitor.enrich.StorySignature;
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
 * Signing an article for near-duplicate lookup (title and lead to a MinHash signature), beside tagging the same
 * article: story dedup signs every article it reads, and the ratio of the two says what signing costs in the
 * enrich job's terms whatever the machine's speed at the time. Run through {@link StorySignatureBenchmarkMain}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StorySignatureBenchmark {

    private BenchCorpus.Rotation articles;
    private Tagger tagger;

    @Setup
    public void setUp() {
        articles = new BenchCorpus.Rotation(BenchCorpus.articles(TaggerBenchmark.ARTICLES, TaggerBenchmark.SEED));
        tagger = Dictionary.builtIn().tagger();
    }

    @Benchmark
    public StorySignature sign() {
        String article = articles.next();
        // the corpus has no titles: the first sentence stands for one
        int title = article.indexOf(". ");
        return StorySignature.of(title < 0 ? "" : article.substring(0, title), article);
    }

    @Benchmark
    public Tags tag() {
        return tagger.tag(articles.next());
    }
}
