package io.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.model.Article;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.MentionCount;
import io.mediamonitor.schema.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feed backlog read at start-up: six hours of articles, with copies of stories across outlets, arriving in
 * scrambled order. Every term-window count the topology ends with must equal a recount from scratch of the
 * same articles (with the story each was joined to): articles, distinct stories, distinct sources, their
 * names, and the most stories one source published alone.
 */
class MentionCountingExactnessTest {

    private static final Instant START = Instant.parse("2024-11-20T04:00:00Z");
    private static final List<String> PLACES = List.of("Mali", "Niger", "Russie");
    private final Topics topics = Topics.withDefaultPrefix();
    private final EnrichSettings settings = EnrichSettings.defaults();

    @TempDir
    Path stateDir;

    @Test
    void aScrambledSixHourBacklogEndsWithEveryTermWindowCountExact() {
        List<Article> backlog = backlog(new Random(7), 2000);
        Collections.shuffle(backlog, new Random(11));

        Map<String, MentionCount> counted = new HashMap<>();
        List<EnrichedArticle> enriched = new ArrayList<>();
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, Article> raw = driver.createInputTopic(topics.articlesRaw().name(),
                    Serdes.String().serializer(), topics.articlesRaw().valueSerde().serializer());
            TestOutputTopic<String, MentionCount> mentions = driver.createOutputTopic(topics.mentions().name(),
                    Serdes.String().deserializer(), topics.mentions().valueSerde().deserializer());
            TestOutputTopic<String, EnrichedArticle> out = driver.createOutputTopic(topics.articlesEnriched().name(),
                    Serdes.String().deserializer(), topics.articlesEnriched().valueSerde().deserializer());
            for (int i = 0; i < backlog.size(); i++) {
                raw.pipeInput(backlog.get(i).getId(), backlog.get(i));
                if (i % 50 == 49) { // the emitter ticks now and then, as between commits
                    driver.advanceWallClockTime(settings.emitInterval());
                }
            }
            driver.advanceWallClockTime(settings.emitInterval());
            mentions.readValuesToList().forEach(count -> counted.put(key(count.getTerm(), count.getWindowStart()), count));
            enriched.addAll(out.readValuesToList());
        }

        Map<String, Expected> expected = recount(enriched);
        assertThat(enriched).hasSize(backlog.size());
        assertThat(expected.size()).as("term-windows counted").isGreaterThan(150);
        assertThat(counted.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, want) -> {
            MentionCount got = counted.get(key);
            assertThat(got.getArticles()).as(key + " articles").isEqualTo(want.articles);
            assertThat(got.getStories()).as(key + " stories").isEqualTo(want.stories.size());
            assertThat(got.getSourceNames()).as(key + " sources").containsExactlyElementsOf(want.sources);
            assertThat(got.getSources()).as(key + " source count").isEqualTo(want.sources.size());
            assertThat(got.getTopSourceStories()).as(key + " top source").isEqualTo(want.topSourceStories());
        });
    }

    private TopologyTestDriver driver() {
        return new TopologyTestDriver(EnrichTopology.build(topics, settings, new LiveDictionary(SimpleTestTagger::new),
                Clock.fixed(START, ZoneOffset.UTC)), StreamsDefaults.base("exactness", Map.of("bootstrap.servers",
                "unused:9092"), topics.deadLetter().name(), stateDir.toString()));
    }

    /** Articles over six hours from 12 outlets; a third are copies of an earlier story by another outlet. */
    private static List<Article> backlog(Random random, int size) {
        List<Article> articles = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Instant at = START.plusMillis((long) (random.nextDouble() * Duration.ofHours(6).toMillis()));
            String source = "Outlet " + random.nextInt(12);
            String title;
            if (!titles.isEmpty() && random.nextInt(3) == 0) {
                title = titles.get(random.nextInt(titles.size()));
            } else {
                title = "Dépêche " + i + " : " + PLACES.get(random.nextInt(3))
                        + (random.nextBoolean() ? " et " + PLACES.get(random.nextInt(3)) : "");
                titles.add(title);
            }
            articles.add(EnrichTopologyTest.article("b" + i, source, title, at));
        }
        return articles;
    }

    /** The counts from scratch: every article in each window of each term it mentions. */
    private Map<String, Expected> recount(List<EnrichedArticle> enriched) {
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
                    expected.computeIfAbsent(key(term, Instant.ofEpochMilli(start)), k -> new Expected())
                            .add(article.getStoryId(), article.getArticle().getSource());
                }
            }
        }
        return expected;
    }

    private static String key(String term, Instant windowStart) {
        return term + " @ " + windowStart;
    }

    private static final class Expected {
        int articles;
        final Set<String> stories = new HashSet<>();
        final TreeSet<String> sources = new TreeSet<>();
        final Map<String, Set<String>> sourcesByStory = new HashMap<>();

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
