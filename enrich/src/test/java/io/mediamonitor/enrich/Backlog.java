package io.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.model.Article;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.MentionCount;
import io.mediamonitor.schema.Terms;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A feed backlog read at start-up: hours of articles from a dozen outlets, a third of them copies of an earlier
 * story by another outlet, some naming a place more or less than the story's other articles, in scrambled order;
 * and the counts every term-window should end with, recounted from scratch from the enriched articles (each with
 * the story it was joined to).
 */
final class Backlog {

    private static final List<String> PLACES = List.of("Mali", "Niger", "Russie");

    private Backlog() {
    }

    static List<Article> scrambled(Instant start, Duration span, int size, long seed) {
        Random random = new Random(seed);
        List<Article> articles = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Instant at = start.plusMillis((long) (random.nextDouble() * span.toMillis()));
            String source = "Outlet " + random.nextInt(12);
            String title;
            if (!titles.isEmpty() && random.nextInt(3) == 0) {
                title = titles.get(random.nextInt(titles.size()));
            } else {
                title = "Dépêche " + seed + "-" + i + " : " + PLACES.get(random.nextInt(3))
                        + (random.nextBoolean() ? " et " + PLACES.get(random.nextInt(3)) : "");
                titles.add(title);
            }
            // the title is the lead too, which is what joins copies; a third of all articles name a place further
            // down, so the articles of one story differ in the terms they mention
            String content = random.nextInt(3) == 0
                    ? title + ". Réactions à " + PLACES.get(random.nextInt(3)) + "." : null;
            articles.add(Article.newBuilder(EnrichTopologyTest.article("b" + seed + "-" + i, source, title, at))
                    .setSummary(title).setContent(content).build());
        }
        Collections.shuffle(articles, random);
        return articles;
    }

    /** The count each term-window should end with, keyed as {@link #key}. */
    static Map<String, Expected> recount(List<EnrichedArticle> enriched, EnrichSettings settings) {
        MentionExtractor extractor = new MentionExtractor(settings.countPairs());
        long size = settings.windowSize().toMillis();
        long advance = settings.windowAdvance().toMillis();
        Map<String, Expected> expected = new TreeMap<>();
        for (EnrichedArticle article : enriched) {
            long t = article.getArticle().getPublishedAt().toEpochMilli();
            List<String> terms = new ArrayList<>(List.of(Terms.TOTAL));
            extractor.terms(article).forEach(term -> terms.add(term.term()));
            for (long start = Math.floorDiv(t, advance) * advance; start > t - size; start -= advance) {
                for (String term : terms) {
                    expected.computeIfAbsent(key(term, Instant.ofEpochMilli(start)), k -> new Expected(term))
                            .add(article.getStoryId(), article.getArticle().getSource());
                }
            }
        }
        return expected;
    }

    static String key(String term, Instant windowStart) {
        return term + " @ " + windowStart;
    }

    /** The last count of each term-window. */
    static Map<String, MentionCount> latest(List<MentionCount> counts) {
        Map<String, MentionCount> latest = new HashMap<>();
        counts.forEach(count -> latest.put(key(count.getTerm(), count.getWindowStart()), count));
        return latest;
    }

    static void assertExact(Map<String, MentionCount> counted, Map<String, Expected> expected) {
        assertThat(counted.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, want) -> {
            MentionCount got = counted.get(key);
            assertThat(got.getArticles()).as(key + " articles").isEqualTo(want.articles);
            assertThat(got.getStories()).as(key + " stories").isEqualTo(want.stories.size());
            assertThat(got.getSources()).as(key + " source count").isEqualTo(want.sources.size());
            // the whole volume's sources are every outlet: counted, not listed
            assertThat(got.getSourceNames()).as(key + " sources")
                    .containsExactlyElementsOf(Terms.TOTAL.equals(want.term) ? List.of() : want.sources);
            // whose stories are alone is not followed for the whole volume
            assertThat(got.getTopSourceStories()).as(key + " top source")
                    .isEqualTo(Terms.TOTAL.equals(want.term) ? 0 : want.topSourceStories());
            // each count carries its window's volume as of itself: its own stories at least, the end's at most
            Expected volume = expected.get(key(Terms.TOTAL, got.getWindowStart()));
            assertThat(got.getWindowStories()).as(key + " window volume")
                    .isBetween(got.getStories(), volume.stories.size());
        });
    }

    static final class Expected {
        final String term;
        int articles;
        final Set<String> stories = new HashSet<>();
        final TreeSet<String> sources = new TreeSet<>();
        final Map<String, Set<String>> sourcesByStory = new HashMap<>();

        Expected(String term) {
            this.term = term;
        }

        void add(String story, String source) {
            articles++;
            stories.add(story);
            sources.add(source);
            sourcesByStory.computeIfAbsent(story, s -> new HashSet<>()).add(source);
        }

        int topSourceStories() {
            Map<String, Integer> alone = new HashMap<>();
            sourcesByStory.values().stream().filter(s -> s.size() == 1)
                    .forEach(s -> alone.merge(s.iterator().next(), 1, Integer::sum));
            return alone.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }
}
