package io.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.enrich.tagging.Dictionary;
import io.mediamonitor.enrich.tagging.DictionaryYaml;
import io.mediamonitor.kafka.StreamsDefaults;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.DictionaryEntry;
import io.mediamonitor.model.MentionCount;
import io.mediamonitor.model.MentionedArticle;
import io.mediamonitor.schema.Terms;
import io.mediamonitor.schema.Topics;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A keyword of the user's file, watched at runtime in another case: one term, each story counted once. */
class WatchedKeywordTest {

    private static final Instant T0 = Instant.parse("2024-11-20T10:05:00Z");
    private final Topics topics = Topics.withDefaultPrefix();

    @TempDir
    Path stateDir;

    @Test
    void aFileKeywordWatchedInAnotherCaseCountsEachStoryOnce() throws Exception {
        Dictionary base = Dictionary.builtIn().withEntries(DictionaryYaml.load(new ByteArrayInputStream(
                "keywords:\n  - coup d'état\n".getBytes(StandardCharsets.UTF_8)), "user.yaml"));
        try (TopologyTestDriver driver = new TopologyTestDriver(EnrichTopology.build(topics, EnrichSettings.defaults(),
                LiveDictionary.over(base), Clock.fixed(T0, ZoneOffset.UTC)),
                StreamsDefaults.base("watched-keyword", Map.of("bootstrap.servers", "unused:9092"),
                        topics.deadLetter().name(), stateDir.toString()))) {
            TestInputTopic<String, Article> raw = driver.createInputTopic(topics.articlesRaw().name(),
                    Serdes.String().serializer(), topics.articlesRaw().valueSerde().serializer());
            TestInputTopic<String, DictionaryEntry> dictionary = driver.createInputTopic(topics.dictionary().name(),
                    Serdes.String().serializer(), topics.dictionary().valueSerde().serializer());
            TestOutputTopic<String, MentionCount> mentions = driver.createOutputTopic(topics.mentions().name(),
                    Serdes.String().deserializer(), topics.mentions().valueSerde().deserializer());
            TestOutputTopic<String, MentionedArticle> explained = driver.createOutputTopic(
                    topics.mentionArticles().name(), Serdes.String().deserializer(),
                    topics.mentionArticles().valueSerde().deserializer());

            // a bare entry as an earlier 'watch "keyword:coup d'État"' wrote it, beside the file's
            dictionary.pipeInput(Terms.keyword("coup d'État"), Dictionary.keywordEntry("coup d'État"));
            raw.pipeInput("a1", EnrichTopologyTest.article("a1", "RFI", "Coup d'État au Niger", T0));
            raw.pipeInput("a2", EnrichTopologyTest.article("a2", "AFP", "Tentative de coup d'État à Bamako",
                    T0.plusSeconds(60)));
            driver.advanceWallClockTime(EnrichSettings.defaults().emitInterval());

            String term = "keyword:coup d'état";
            MentionCount window = mentions.readValuesToList().stream()
                    .filter(m -> m.getTerm().equals(term)
                            && m.getWindowStart().equals(Instant.parse("2024-11-20T10:00:00Z")))
                    .reduce((first, last) -> last).orElseThrow();
            assertThat(window.getStories()).as("two stories").isEqualTo(2);
            assertThat(window.getArticles()).isEqualTo(2);
            assertThat(explained.readKeyValuesToList()).filteredOn(kv -> kv.key.equals(term))
                    .as("each article once").hasSize(2);
        }
    }

    @Test
    void keywordsDifferingInCaseAreOneEntryOfTheDictionary() {
        Dictionary dictionary = Dictionary.builtIn().withEntries(java.util.List.of(
                Dictionary.keywordEntry("coup d'état"), Dictionary.keywordEntry("coup d'État")));

        assertThat(dictionary.entries()).filteredOn(e -> Dictionary.key(e).equals("keyword:coup d'état"))
                .hasSize(1);
        assertThat(dictionary.tagger().tag("Coup d'État au Niger").keywords()).hasSize(1);
    }
}
