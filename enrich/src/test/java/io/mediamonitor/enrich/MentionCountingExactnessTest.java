package io.mediamonitor.enrich;

import io.mediamonitor.kafka.StateStoreType;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.kafka.StreamsDefaults;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.MentionCount;
import io.mediamonitor.schema.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feed backlog read at start-up, six hours of articles in scrambled order: every term-window count the
 * topology ends with equals a recount from scratch (articles, distinct stories, distinct sources and their
 * names, the most stories one source published alone). {@code BacklogCountsIT} runs the same on a broker.
 */
class MentionCountingExactnessTest {

    private static final Instant START = Instant.parse("2024-11-20T04:00:00Z");
    private final Topics topics = Topics.withDefaultPrefix();

    @TempDir
    Path stateDir;

    /** On disk or on the heap, the counts are the same. */
    @ParameterizedTest
    @EnumSource(StateStoreType.class)
    void aScrambledSixHourBacklogEndsWithEveryTermWindowCountExact(StateStoreType stores) {
        EnrichSettings settings = EnrichSettings.defaults().withStateStore(stores);
        List<Article> backlog = Backlog.scrambled(START, Duration.ofHours(6), 2000, 7);

        List<MentionCount> counts;
        List<EnrichedArticle> enriched;
        try (TopologyTestDriver driver = driver(settings)) {
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
            counts = mentions.readValuesToList();
            enriched = out.readValuesToList();
        }

        Map<String, Backlog.Expected> expected = Backlog.recount(enriched, settings);
        assertThat(enriched).hasSize(backlog.size());
        assertThat(expected.size()).as("term-windows counted").isGreaterThan(150);
        Backlog.assertExact(Backlog.latest(counts), expected);
    }

    private TopologyTestDriver driver(EnrichSettings settings) {
        return new TopologyTestDriver(EnrichTopology.build(topics, settings, new LiveDictionary(SimpleTestTagger::new),
                Clock.fixed(START, ZoneOffset.UTC)), StreamsDefaults.base("exactness", Map.of("bootstrap.servers",
                "unused:9092"), topics.deadLetter().name(), stateDir.toString()));
    }
}
