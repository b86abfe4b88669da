package io.mediamonitor.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.enrich.tagging.Dictionary;
import io.mediamonitor.enrich.tagging.Tagger;
import io.mediamonitor.enrich.tagging.Tags;
import io.mediamonitor.model.Article;
import io.mediamonitor.schema.Terms;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated stream, read through the real built-in tagger. */
class ArticleGeneratorTest {

    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final int COUNT = 3_000;
    private static final Tagger TAGGER = Dictionary.builtIn().tagger();

    private static List<Article> articles;
    private static List<Set<String>> terms;

    @BeforeAll
    static void generate() {
        articles = generate(7, COUNT);
        terms = articles.stream().map(ArticleGeneratorTest::termsFound).toList();
    }

    private static List<Article> generate(long seed, int count) {
        return generate(seed, count, 2000);
    }

    private static List<Article> generate(long seed, int count, double articlesPerHour) {
        ArticleGenerator generator = new ArticleGenerator(seed, START, articlesPerHour);
        List<Article> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(generator.next());
        }
        return out;
    }

    private static Set<String> termsFound(Article article) {
        Tags tags = TAGGER.tag(article.getTitle() + "\n" + article.getSummary());
        Set<String> found = new HashSet<>();
        tags.countries().forEach(c -> found.add("country:" + c.getCode()));
        tags.actors().forEach(a -> found.add("actor:" + a.getId()));
        tags.keywords().forEach(k -> found.add("keyword:" + k.getKeyword()));
        return found;
    }

    @Test
    void theSameSeedGivesTheSameArticlesAndAnotherSeedOthers() {
        assertThat(generate(7, 200)).isEqualTo(articles.subList(0, 200));
        assertThat(generate(8, 200)).isNotEqualTo(articles.subList(0, 200));
    }

    @Test
    void theTaggerFindsTwoToFiveTermsInEveryArticle() {
        assertThat(terms).allSatisfy(found -> assertThat(found).hasSizeBetween(2, 5));
        // and all of them terms the generator writes in, so nothing leaks in through the filler
        Set<String> known = new HashSet<>();
        Stream.concat(Vocabulary.RANKED.stream(), Vocabulary.BURST_ACTORS.stream()).forEach(t -> known.add(t.id()));
        assertThat(terms.stream().flatMap(Set::stream)).allMatch(known::contains);
    }

    @Test
    void titleAndSummaryTakeOneToThreeKilobytes() {
        assertThat(articles).allSatisfy(article -> assertThat(
                article.getTitle().getBytes(StandardCharsets.UTF_8).length
                        + article.getSummary().getBytes(StandardCharsets.UTF_8).length)
                .isBetween(Prose.MIN_BYTES, Prose.MAX_BYTES));
        assertThat(articles).extracting(Article::getLanguage).contains("fr", "en");
    }

    @Test
    void aFewCountriesCarryMuchOfTheCoverageAndMostActorsAreRare() {
        Map<String, Integer> articlesPerTerm = new HashMap<>();
        terms.forEach(found -> found.forEach(term -> articlesPerTerm.merge(term, 1, Integer::sum)));

        double topShare = articlesPerTerm.getOrDefault("country:ML", 0) / (double) COUNT;
        assertThat(topShare).as("share of articles mentioning the top country").isBetween(0.25, 0.45);
        assertThat(articlesPerTerm.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey())
                .isEqualTo("country:ML");
        List<String> actors = Stream.concat(Vocabulary.RANKED.stream(), Vocabulary.BURST_ACTORS.stream())
                .map(Vocabulary.Term::id).filter(id -> id.startsWith("actor:")).toList();
        long rare = actors.stream().filter(actor -> articlesPerTerm.getOrDefault(actor, 0) < 0.03 * COUNT).count();
        assertThat(rare).as("actors in fewer than 3 %% of articles, of %d", actors.size())
                .isGreaterThan(actors.size() / 2);
    }

    @Test
    void wireCopiesRepeatAnEarlierStoryOfAnotherOutlet() {
        Map<String, Article> firstByText = new HashMap<>();
        int copies = 0;
        for (Article article : articles) {
            Article first = firstByText.putIfAbsent(article.getTitle() + "\n" + article.getSummary(), article);
            if (first != null) {
                copies++;
                assertThat(article.getSource()).isNotEqualTo(first.getSource());
                assertThat(article.getId()).isNotEqualTo(first.getId());
            }
        }
        assertThat(copies / (double) COUNT).isBetween(0.15, 0.25);
    }

    @Test
    void publicationTimesAreUniqueMostlyInOrderAndSomeLate() {
        List<Long> times = articles.stream().map(a -> a.getPublishedAt().toEpochMilli()).toList();
        assertThat(new HashSet<>(times)).hasSize(COUNT);
        long late = 0;
        long clock = Long.MIN_VALUE;
        for (long t : times) {
            if (t < clock) {
                late++;
                assertThat(clock - t).isLessThanOrEqualTo(ArticleGenerator.MAX_LATENESS.toMillis());
            }
            clock = Math.max(clock, t);
        }
        assertThat(late / (double) COUNT).isBetween(0.02, 0.08);
    }

    @Test
    void aBurstIsOneRareActorCarriedByManyOutletsInSeparateStoriesWithinMinutes() {
        // at 500/h, 2000 articles cover 4 h: the first burst starts at half a burst interval
        Map<String, Article> stories = new LinkedHashMap<>();
        for (Article article : generate(7, 2_000, 500)) {
            if (termsFound(article).contains("actor:novak")) {
                stories.putIfAbsent(article.getTitle() + "\n" + article.getSummary(), article); // wire copies aside
            }
        }
        List<Article> burst = List.copyOf(stories.values());
        assertThat(burst).hasSizeBetween(6, 10);
        assertThat(burst).extracting(Article::getSource).doesNotHaveDuplicates();
        long span = burst.get(burst.size() - 1).getPublishedAt().toEpochMilli()
                - burst.get(0).getPublishedAt().toEpochMilli();
        assertThat(span).isLessThanOrEqualTo(ArticleGenerator.BURST_SPAN.toMillis());
        assertThat(terms.stream().filter(found -> found.contains("actor:novak")))
                .as("no burst actor before the first burst").isEmpty();
    }

    @Test
    void burstsCanComeEveryFewMinutesEachOnAKeywordOfItsOwn() {
        Tagger withKeywords = Dictionary.builtIn().withEntries(
                Vocabulary.WATCHED_KEYWORDS.stream().map(WatchedKeywords::entry).toList()).tagger();
        ArticleGenerator generator = new ArticleGenerator(7, START, 2000);
        for (int i = 0; i < 500; i++) {
            generator.next();
        }
        generator.burstEvery(Duration.ofMinutes(5), Vocabulary.WATCHED_KEYWORDS);
        Map<String, Map<String, Article>> byKeyword = new LinkedHashMap<>();
        int articles = 2_000; // one simulated hour: a burst at 5, 10, ... 55 minutes, overlapping (each spans 10)
        keywordStories(generator, articles, withKeywords, byKeyword);
        generator.burstEvery(ArticleGenerator.BURST_INTERVAL, Vocabulary.BURST_ACTORS);
        keywordStories(generator, 1_000, withKeywords, byKeyword); // the bursts begun run their course, no more

        assertThat(byKeyword.keySet()).containsExactlyElementsOf(Vocabulary.WATCHED_KEYWORDS.subList(0, 11).stream()
                .map(Vocabulary.Term::id).toList());
        byKeyword.values().stream().map(stories -> List.copyOf(stories.values())).forEach(burst -> {
            assertThat(burst).hasSizeBetween(6, 10);
            assertThat(burst).extracting(Article::getSource).doesNotHaveDuplicates();
            assertThat(burst.get(burst.size() - 1).getPublishedAt().toEpochMilli()
                    - burst.get(0).getPublishedAt().toEpochMilli())
                    .isLessThanOrEqualTo(ArticleGenerator.BURST_SPAN.toMillis());
        });
        assertThat(byKeyword.values().stream().mapToInt(Map::size).sum())
                .as("ordinary stories still make up most of the stream").isLessThan(articles / 10);
    }

    /** The stories (wire copies aside) of each keyword the tagger finds in the next {@code count} articles. */
    private static void keywordStories(ArticleGenerator generator, int count, Tagger tagger,
                                       Map<String, Map<String, Article>> byKeyword) {
        for (int i = 0; i < count; i++) {
            Article article = generator.next();
            String text = article.getTitle() + "\n" + article.getSummary();
            tagger.tag(text).keywords().forEach(keyword -> byKeyword
                    .computeIfAbsent(Terms.keyword(keyword.getKeyword()), k -> new LinkedHashMap<>())
                    .putIfAbsent(text, article));
        }
    }
}
