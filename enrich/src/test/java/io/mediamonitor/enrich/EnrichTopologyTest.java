package io.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.enrich.counting.MentionStores;
import io.mediamonitor.enrich.counting.StoryPresence;
import io.mediamonitor.enrich.counting.WindowTally;
import io.mediamonitor.kafka.StreamsDefaults;
import io.mediamonitor.model.Alias;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.DictionaryEntry;
import io.mediamonitor.model.DictionaryEntryKind;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.MentionCount;
import io.mediamonitor.model.MentionedArticle;
import io.mediamonitor.model.state.StoryState;
import io.mediamonitor.model.state.TermSightings;
import io.mediamonitor.schema.Terms;
import io.mediamonitor.schema.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {

    private static final Instant T0 = Instant.parse("2024-11-20T10:05:00Z");
    private final Topics topics = Topics.withDefaultPrefix();

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> raw;
    private TestInputTopic<String, DictionaryEntry> dictionary;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, MentionCount> mentions;

    @BeforeEach
    void start() {
        LiveDictionary live = new LiveDictionary(SimpleTestTagger::new);
        Properties props = StreamsDefaults.base("enrich-test", Map.of("bootstrap.servers", "unused:9092"),
                topics.deadLetter().name(), stateDir.toString());
        driver = new TopologyTestDriver(
                EnrichTopology.build(topics, EnrichSettings.defaults(), live, Clock.fixed(T0, ZoneOffset.UTC)), props);
        raw = driver.createInputTopic(topics.articlesRaw().name(), Serdes.String().serializer(),
                topics.articlesRaw().valueSerde().serializer());
        dictionary = driver.createInputTopic(topics.dictionary().name(), Serdes.String().serializer(),
                topics.dictionary().valueSerde().serializer());
        enriched = driver.createOutputTopic(topics.articlesEnriched().name(), Serdes.String().deserializer(),
                topics.articlesEnriched().valueSerde().deserializer());
        mentions = driver.createOutputTopic(topics.mentions().name(), Serdes.String().deserializer(),
                topics.mentions().valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void tagsAnArticleAndOpensItsStory() {
        raw.pipeInput("a1", article("a1", "RFI", "Le Mali et le Niger", T0));

        EnrichedArticle result = enriched.readValue();

        assertThat(result.getStoryId()).isEqualTo("a1");
        assertThat(result.getFirstOfStory()).isTrue();
        assertThat(result.getStorySources()).containsExactly("RFI");
        assertThat(result.getCountries()).extracting(c -> c.getCode()).containsExactly("ML", "NE");
        assertThat(result.getDictionaryVersion()).isEqualTo("test-0");
        assertThat(result.getEnrichedAt()).isEqualTo(T0);
    }

    @Test
    void dropsAnArticleSeenBeforeWithTheSameId() {
        raw.pipeInput("a1", article("a1", "RFI", "Le Mali", T0));
        raw.pipeInput("a1", article("a1", "RFI", "Le Mali", T0.plusSeconds(60)));

        assertThat(enriched.readValuesToList()).hasSize(1);
    }

    @Test
    void joinsCopiesFromOtherOutletsIntoOneStoryAndCountsDistinctStoriesAndSources() {
        raw.pipeInput("a1", article("a1", "AFP via RFI", "Bamako : le Mali signe", T0));
        raw.pipeInput("a2", article("a2", "Le Monde", "BAMAKO – le Mali signe !", T0.plusSeconds(120)));
        raw.pipeInput("a3", article("a3", "Le Monde", "Autre chose au Mali", T0.plusSeconds(180)));

        List<EnrichedArticle> results = enriched.readValuesToList();
        assertThat(results).extracting(EnrichedArticle::getStoryId).containsExactly("a1", "a1", "a3");
        assertThat(results.get(1).getFirstOfStory()).isFalse();
        assertThat(results.get(1).getStorySources()).containsExactly("AFP via RFI", "Le Monde");

        MentionCount mali = latest(mentionsList(), "country:ML", Instant.parse("2024-11-20T10:00:00Z"));
        assertThat(mali.getArticles()).isEqualTo(3);
        assertThat(mali.getStories()).isEqualTo(2);
        assertThat(mali.getSources()).isEqualTo(2);
        assertThat(mali.getSourceNames()).containsExactly("AFP via RFI", "Le Monde");
        // The AFP story was carried by Le Monde too, so only Le Monde's own second story is one source's alone.
        assertThat(mali.getTopSourceStories()).isEqualTo(1);
        assertThat(mali.getWindowEnd()).isEqualTo(Instant.parse("2024-11-20T11:00:00Z"));
    }

    @Test
    void aReTitledTrimmedCopyWithADatelineJoinsItsStoryAndAnotherStoryOnTheSameSubjectDoesNot() {
        raw.pipeInput("w1", withSummary(article("w1", "AFP", "Sommet de l'AES à Niamey : les trois juntes "
                + "signent le traité de la confédération", T0), SUMMIT));
        raw.pipeInput("w2", withSummary(article("w2", "Sahel Hebdo", "Niamey : naissance de la confédération "
                + "des États du Sahel", T0.plusSeconds(600)), "NIAMEY (AFP) — " + SUMMIT.substring(0, 190)));
        raw.pipeInput("w3", withSummary(article("w3", "Le Monde", "Au Mali, la junte prolonge la transition",
                T0.plusSeconds(900)), "Les autorités de transition du Mali ont annoncé samedi à Bamako "
                + "la prolongation de la transition de cinq ans, une décision critiquée par les partis politiques "
                + "et la société civile, qui dénoncent un recul démocratique au Sahel."));

        List<EnrichedArticle> results = enriched.readValuesToList();
        assertThat(results).extracting(EnrichedArticle::getStoryId).containsExactly("w1", "w1", "w3");
        assertThat(results.get(1).getStorySources()).containsExactly("AFP", "Sahel Hebdo");
    }

    @Test
    void theSameTextAfterItsStorysHorizonOpensANewStoryWhichItsCopiesThenJoin() {
        raw.pipeInput("s1", withSummary(article("s1", "AFP", "Sommet de l'AES à Niamey", T0), SUMMIT));
        // 49 h on: past the 48 h horizon, so a new story, while the first is still kept (its lateness)
        raw.pipeInput("s2", withSummary(article("s2", "RFI", "Sommet de l'AES à Niamey", T0.plus(
                java.time.Duration.ofHours(49))), SUMMIT));
        raw.pipeInput("s3", withSummary(article("s3", "Le Monde", "Niamey : le sommet de l'AES", T0.plus(
                java.time.Duration.ofHours(50))), "NIAMEY (AFP) — " + SUMMIT));

        assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getStoryId)
                .containsExactly("s1", "s2", "s2");
        KeyValueStore<String, StoryState> stories = driver.getKeyValueStore(StoryDeduplicator.STORE);
        assertThat(stories.get("s1")).as("kept for late copies").isNotNull();
        assertThat(stories.get("s2").getSources()).containsExactly("RFI", "Le Monde");
    }

    @Test
    void aLateCopyPublishedAtTheEndOfItsStorysHorizonJoinsItWhileItsWindowsAreOpen() {
        // before, a story was forgotten at its start + horizon + lateness (96 h), a window before the last window
        // holding a copy published at the horizon's end closes: such a copy, read late, opened a second story
        raw.pipeInput("a1", withSummary(article("a1", "AFP", "Sommet au Mali", T0), SUMMIT));
        raw.pipeInput("a2", withSummary(article("a2", "RFI", "Sommet au Mali", T0.plus(
                java.time.Duration.ofMinutes(47 * 60 + 30))), SUMMIT));
        raw.pipeInput("x", article("x", "Le Monde", "La Russie", T0.plus(java.time.Duration.ofMinutes(96 * 60 + 5))));
        // a repeat of x, dropped before story dedup, lets its hourly sweep run (one stream time in the test driver)
        raw.pipeInput("x", article("x", "Le Monde", "La Russie", T0.plus(java.time.Duration.ofMinutes(97 * 60 + 10))));
        raw.pipeInput("a3", withSummary(article("a3", "Libération", "Sommet au Mali", T0.plus(
                java.time.Duration.ofMinutes(47 * 60 + 50))), SUMMIT));

        List<MentionCount> counts = mentionsList();
        assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getStoryId)
                .containsExactly("a1", "a1", "x", "a1");
        Instant window = Instant.parse("2024-11-22T09:20:00Z");
        assertThat(latest(counts, "country:ML", window).getStories()).as("one story in " + window).isEqualTo(1);
    }

    @Test
    void anArticlePublishedMoreThanTheHorizonBeforeAStoryStartedIsNoCopyOfIt() {
        // read late (a partition behind the others): the same text 60 h before the story it would join
        raw.pipeInput("new", withSummary(article("new", "AFP", "Sommet au Mali", T0.plus(
                java.time.Duration.ofHours(60))), SUMMIT));
        raw.pipeInput("old", withSummary(article("old", "RFI", "Sommet au Mali", T0), SUMMIT));
        raw.pipeInput("copy", withSummary(article("copy", "Le Monde", "Sommet au Mali", T0.plus(
                java.time.Duration.ofHours(59))), SUMMIT));

        List<EnrichedArticle> out = enriched.readValuesToList();
        assertThat(out).extracting(EnrichedArticle::getStoryId).containsExactly("new", "old", "new");
        assertThat(out.get(2).getStorySources()).as("the old article's outlet is not the new story's")
                .containsExactly("AFP", "Le Monde");
    }

    private static final String SUMMIT = "Les chefs d'État du Mali, du Burkina Faso et du Niger se sont réunis "
            + "samedi à Niamey pour le premier sommet de l'Alliance des États du Sahel. Ils ont adopté un traité "
            + "créant une confédération, annoncé une force conjointe et un passeport commun, et réaffirmé leur "
            + "retrait de la Cédéao.";

    static Article withSummary(Article article, String summary) {
        return Article.newBuilder(article).setSummary(summary).build();
    }

    @Test
    void aWindowsTotalCarriesTheLatestEventTimeItCountedEvenAfterALateArticle() {
        TestOutputTopic<String, MentionCount> totals = driver.createOutputTopic(topics.mentionTotals().name(),
                Serdes.String().deserializer(), topics.mentionTotals().valueSerde().deserializer());
        raw.pipeInput("a1", article("a1", "RFI", "Le Mali", T0.plusSeconds(40 * 60)));   // 10:45
        emit();
        raw.pipeInput("a2", article("a2", "RFI", "Le Niger", T0.plusSeconds(5 * 60)));   // 10:10, late
        emit();

        String window = Long.toString(Instant.parse("2024-11-20T10:00:00Z").toEpochMilli());
        List<org.apache.kafka.streams.test.TestRecord<String, MentionCount>> updates = totals.readRecordsToList()
                .stream().filter(r -> r.key().equals(window)).toList();
        var last = updates.get(updates.size() - 1);
        assertThat(last.value().getStories()).isEqualTo(2);
        // lastEventAt is the late article's; the record time is the latest event time the total has seen,
        // which is what the alert topology extrapolates the window's volume from.
        assertThat(last.value().getLastEventAt()).isEqualTo(T0.plusSeconds(5 * 60));
        assertThat(last.timestamp()).isEqualTo(T0.plusSeconds(40 * 60).toEpochMilli());
    }

    @Test
    void reportsTheStoriesOneSourcePublishedAloneSoALiveBlogShows() {
        for (int i = 0; i < 4; i++) {
            raw.pipeInput("live" + i, article("live" + i, "Le Monde", "Direct Mali, point " + i + " : "
                    + List.of("Bamako", "Kidal", "Gao", "Tombouctou").get(i), T0.plusSeconds(60L * i)));
        }
        raw.pipeInput("r1", article("r1", "RFI", "Niamey et le Mali", T0.plusSeconds(300)));

        MentionCount mali = latest(mentionsList(), "country:ML", Instant.parse("2024-11-20T10:00:00Z"));
        assertThat(mali.getStories()).isEqualTo(5);
        assertThat(mali.getSources()).isEqualTo(2);
        assertThat(mali.getTopSourceStories()).isEqualTo(4);
    }

    @Test
    void storyDedupTellsTheCountingWhatEachCopyChangesSoTheCountingKeepsNoRecordOfTheStories() {
        raw.pipeInput("a1", article("a1", "AFP via RFI", "Bamako : le Mali signe", T0));
        raw.pipeInput("a2", article("a2", "Le Monde", "BAMAKO – le Mali signe !", T0.plusSeconds(120)));

        MentionCount mali = latest(mentionsList(), "country:ML", Instant.parse("2024-11-20T10:00:00Z"));
        assertThat(mali.getStories()).isEqualTo(1);
        assertThat(mali.getSources()).isEqualTo(2);
        assertThat(mali.getTopSourceStories()).as("carried by two sources: nobody's alone").isZero();
        WindowStore<String, StoryPresence> presence = driver.getWindowStore(MentionStores.STORIES);
        try (var all = presence.all()) {
            assertThat(all.hasNext()).isFalse();
        }
        StoryState story = driver.<String, StoryState>getKeyValueStore(StoryDeduplicator.STORE).get("a1");
        assertThat(story.getTermsTracked()).isTrue();
        assertThat(story.getTermSightings()).extracting(TermSightings::getTerm).contains("country:ML");
    }

    @Test
    void aCopyOfAStoryStartedBeforeStoryDedupFollowedItsTermsIsCountedFromTheCountingsOwnRecordOfIt() {
        raw.pipeInput("a1", article("a1", "AFP via RFI", "Bamako : le Mali signe", T0));
        // as a job from before left them: the story without its terms, and the counting's record of Mali in it
        KeyValueStore<String, StoryState> stories = driver.getKeyValueStore(StoryDeduplicator.STORE);
        StoryState old = stories.get("a1");
        old.setTermsTracked(false);
        old.setTermSightings(List.of());
        stories.put("a1", old);
        long slot = EnrichSettings.defaults().grid().slotOf(T0.toEpochMilli());
        WindowStore<String, StoryPresence> presence = driver.getWindowStore(MentionStores.STORIES);
        presence.put("country:ML\u0000a1", StoryPresence.of(new ArrayList<>(List.of(
                new StoryPresence.Sighting(slot, "AFP via RFI")))), T0.toEpochMilli());

        raw.pipeInput("a2", article("a2", "Le Monde", "BAMAKO – le Mali signe !", T0.plusSeconds(120)));

        MentionCount mali = latest(mentionsList(), "country:ML", Instant.parse("2024-11-20T10:00:00Z"));
        assertThat(mali.getArticles()).isEqualTo(2);
        assertThat(mali.getStories()).as("the copy joins the story the counting knows").isEqualTo(1);
        assertThat(mali.getTopSourceStories()).isZero();
        assertThat(stories.get("a1").getTermSightings()).as("an old story stays untracked").isEmpty();
    }

    @Test
    void countsEachArticleInEveryHoppingWindowThatCoversItsPublicationTime() {
        raw.pipeInput("a1", article("a1", "RFI", "Le Mali", T0));

        List<MentionCount> counts = mentionsList().stream().filter(m -> m.getTerm().equals("country:ML")).toList();

        // 1 h windows advancing by 10 min: six of them contain 10:05
        assertThat(counts).extracting(MentionCount::getWindowStart).containsExactlyInAnyOrder(
                Instant.parse("2024-11-20T09:10:00Z"), Instant.parse("2024-11-20T09:20:00Z"),
                Instant.parse("2024-11-20T09:30:00Z"), Instant.parse("2024-11-20T09:40:00Z"),
                Instant.parse("2024-11-20T09:50:00Z"), Instant.parse("2024-11-20T10:00:00Z"));
        assertThat(mentionsList()).isEmpty();
    }

    @Test
    void countsLateArticlesUpToTheLatenessAndDropsThoseBeyond() {
        raw.pipeInput("a1", article("a1", "RFI", "Le Niger", T0.plusSeconds(3 * 3600)));
        mentionsList();
        // 13:05 stream time: the 11:00–12:00 window ended an hour ago, long past its 30 min grace, yet still
        // within the 48 h lateness; a window that ended three days ago is not
        raw.pipeInput("late", article("late", "RFI", "Le Mali", Instant.parse("2024-11-20T11:10:00Z")));
        raw.pipeInput("too-late", article("too-late", "RFI", "La Russie", Instant.parse("2024-11-17T11:10:00Z")));

        List<MentionCount> counts = mentionsList();
        assertThat(counts).anySatisfy(m -> {
            assertThat(m.getTerm()).isEqualTo("country:ML");
            assertThat(m.getWindowStart()).isEqualTo(Instant.parse("2024-11-20T11:00:00Z"));
            assertThat(m.getStories()).isEqualTo(1);
        });
        assertThat(counts).noneMatch(m -> m.getTerm().equals("country:RU"));
        assertThat(enriched.readValuesToList()).extracting(e -> e.getArticle().getId())
                .contains("late", "too-late");
    }

    @Test
    void emitsEachChangedWindowOncePerEmitIntervalWithItsLatestCount() {
        for (int i = 0; i < 30; i++) {
            raw.pipeInput("m" + i, article("m" + i, "Source " + (i % 4), "Dépêche " + i + " sur le Mali",
                    T0.plusSeconds(10L * i)));
        }

        List<MentionCount> mali = mentionsList().stream().filter(m -> m.getTerm().equals("country:ML")).toList();

        // 30 articles, six windows each, one emission: six records, not 180
        assertThat(mali).hasSize(6);
        assertThat(mali).allSatisfy(m -> {
            assertThat(m.getArticles()).isEqualTo(30);
            assertThat(m.getStories()).isEqualTo(30);
            assertThat(m.getSources()).isEqualTo(4);
        });
    }

    @Test
    void countsActorCountryPairsAndTotalVolume() {
        dictionary.pipeInput("actor:wagner", actor("wagner", "Wagner"));
        raw.pipeInput("a1", article("a1", "RFI", "Wagner au Mali", T0));

        List<String> terms = mentionsList().stream().map(MentionCount::getTerm).distinct().toList();

        assertThat(terms).contains("actor:wagner", "country:ML", "pair:wagner|ML", Terms.TOTAL);
        TestOutputTopic<String, MentionCount> totals = driver.createOutputTopic(topics.mentionTotals().name(),
                Serdes.String().deserializer(), topics.mentionTotals().valueSerde().deserializer());
        emit();
        var byWindow = totals.readKeyValuesToMap();
        assertThat(byWindow).hasSize(6).containsKey(Long.toString(Instant.parse("2024-11-20T10:00:00Z").toEpochMilli()));
        assertThat(byWindow.values()).allSatisfy(total -> assertThat(total.getArticles()).isEqualTo(1));
    }

    @Test
    void writesEachArticleOncePerCountedTermKeyedByTheTermBeforeAnyCountOfIt() {
        dictionary.pipeInput("actor:wagner", actor("wagner", "Wagner"));
        TestOutputTopic<String, MentionedArticle> perTerm = driver.createOutputTopic(
                topics.mentionArticles().name(), Serdes.String().deserializer(),
                topics.mentionArticles().valueSerde().deserializer());
        raw.pipeInput("a1", article("a1", "RFI", "Wagner au Mali", T0));

        // written with the enriched article: there before the emitter's tick brings the counts
        List<KeyValue<String, MentionedArticle>> written = perTerm.readKeyValuesToList();
        assertThat(mentions.isEmpty()).isTrue();
        assertThat(written).extracting(kv -> kv.key)
                .containsExactlyInAnyOrder("country:ML", "actor:wagner", "pair:wagner|ML");
        assertThat(written).allSatisfy(kv -> {
            assertThat(kv.value.getTerm()).isEqualTo(kv.key);
            assertThat(kv.value.getArticleId()).isEqualTo("a1");
            assertThat(kv.value.getArticle().getTitle()).isEqualTo("Wagner au Mali");
            assertThat(kv.value.getArticle().getSource()).isEqualTo("RFI");
            assertThat(kv.value.getArticle().getPublishedAt()).isEqualTo(T0);
        });
        assertThat(written).filteredOn(kv -> kv.key.equals("pair:wagner|ML")).singleElement()
                .satisfies(kv -> assertThat(kv.value.getLabel()).isEqualTo("Wagner × Mali"));
        // the counts name the same terms, and nothing else is listed (the whole volume explains no alert)
        assertThat(mentionsList()).extracting(MentionCount::getTerm).filteredOn(term -> !Terms.TOTAL.equals(term))
                .containsOnly("country:ML", "actor:wagner", "pair:wagner|ML");
    }

    @Test
    void theTotalCountsDistinctStoriesWithATallyOfNumbersOnly() {
        raw.pipeInput("a1", article("a1", "RFI", "Coup d'État au Niger", T0.plusSeconds(40 * 60)));
        raw.pipeInput("a2", article("a2", "Le Monde", "Coup d'État au Niger", T0.plusSeconds(41 * 60)));
        raw.pipeInput("a3", article("a3", "RFI", "Élections au Mali", T0.plusSeconds(42 * 60)));
        emit();

        TestOutputTopic<String, MentionCount> totals = driver.createOutputTopic(topics.mentionTotals().name(),
                Serdes.String().deserializer(), topics.mentionTotals().valueSerde().deserializer());
        MentionCount total = totals.readKeyValuesToMap()
                .get(Long.toString(Instant.parse("2024-11-20T10:00:00Z").toEpochMilli()));
        assertThat(total.getArticles()).isEqualTo(3);
        assertThat(total.getStories()).isEqualTo(2);
        assertThat(total.getSources()).isEqualTo(2);
        // The window store holds numbers only: no story id, whatever the window holds.
        WindowStore<String, WindowTally> store = driver.getWindowStore(MentionStores.WINDOWS);
        WindowTally tally = store.fetch(Terms.TOTAL, Instant.parse("2024-11-20T10:00:00Z").toEpochMilli());
        assertThat(tally.stories()).isEqualTo(2);
    }

    @Test
    void aCountCarriesItsWindowsVolumeAsOfItsOwnLatestMentionWheneverItIsEmitted() {
        raw.pipeInput("a1", article("a1", "RFI", "Élections au Mali", T0));
        raw.pipeInput("a2", article("a2", "RFI", "Coup d'État au Niger", T0.plusSeconds(60)));
        raw.pipeInput("a3", article("a3", "Le Monde", "Coup d'État au Niger !", T0.plusSeconds(120)));
        emit();
        Instant window = Instant.parse("2024-11-20T10:00:00Z");
        List<MentionCount> counts = new ArrayList<>(mentionsList());
        // Mali's count has not changed since its article, the first story: the one after it is not its volume
        assertThat(latest(counts, "country:ML", window).getWindowStories()).isEqualTo(1);

        raw.pipeInput("a4", article("a4", "AFP", "Sécheresse au Mali", T0.plusSeconds(180)));
        raw.pipeInput("a5", article("a5", "AFP", "Le Tchad", T0.plusSeconds(240)));
        emit();
        counts.addAll(mentionsList());
        assertThat(latest(counts, "country:ML", window).getWindowStories()).as("a4's story is the window's third")
                .isEqualTo(3);
        assertThat(latest(counts, "country:NE", window).getWindowStories()).isEqualTo(2);
        assertThat(latest(counts, Terms.TOTAL, window).getWindowStories()).isEqualTo(4);
    }

    @Test
    void forgetsStoriesAndArticleIdsOnceTheirHorizonHasPassedWithoutScanningTheRest() {
        raw.pipeInput("a1", article("a1", "RFI", "Le Mali", T0));
        raw.pipeInput("a2", article("a2", "RFI", "Le Niger", T0.plus(java.time.Duration.ofDays(3))));
        KeyValueStore<String, StoryState> stories = driver.getKeyValueStore(StoryDeduplicator.STORE);
        KeyValueStore<String, Long> ids = driver.getKeyValueStore(RepeatFilter.STORE);
        assertThat(count(stories)).isEqualTo(2);

        // four days on: the first story is past its horizon, a window and the lateness (97 h), both ids within
        // their 7 days; the sweep runs as stream time moves, by the time story dedup had reached then, so on the
        // next hour's article
        raw.pipeInput("a3", article("a3", "RFI", "La Russie", T0.plus(java.time.Duration.ofDays(4).plusHours(2))));
        raw.pipeInput("a3b", article("a3b", "RFI", "Le Burkina", T0.plus(java.time.Duration.ofDays(4).plusHours(3))));

        assertThat(stories.get("a1")).isNull();
        assertThat(count(stories)).isEqualTo(3);
        assertThat(ids.get("a1")).isNotNull();
        raw.pipeInput("a4", article("a4", "RFI", "Le Tchad", T0.plus(java.time.Duration.ofDays(8))));
        assertThat(ids.get("a1")).as("seven days on").isNull();
        assertThat(ids.get("a4")).isNotNull();
    }

    @Test
    void aRepeatDatedFarAheadIsDroppedWithoutMakingTheFilterForgetIdsEarly() {
        raw.pipeInput("a1", article("a1", "RFI", "Le Mali", T0));
        // the same item again, re-dated ten days on by its feed: dropped, so no article story dedup sees is that late
        raw.pipeInput("a1", article("a1", "RFI", "Le Mali", T0.plus(java.time.Duration.ofDays(10))));
        raw.pipeInput("b1", article("b1", "AFP", "Le Niger", T0.plus(java.time.Duration.ofHours(1))));
        raw.pipeInput("a1", article("a1", "RFI", "Le Mali", T0.plus(java.time.Duration.ofHours(2))));

        assertThat(enriched.readValuesToList()).extracting(e -> e.getArticle().getId()).containsExactly("a1", "b1");
        KeyValueStore<String, Long> ids = driver.getKeyValueStore(RepeatFilter.STORE);
        assertThat(ids.get("a1")).as("a1 still remembered").isEqualTo(T0.toEpochMilli());
        assertThat(ids.get("b1")).as("noted by the newest article let through").isEqualTo(
                T0.plus(java.time.Duration.ofHours(1)).toEpochMilli());
    }

    private static long count(KeyValueStore<String, ?> store) {
        try (var all = store.all()) {
            long n = 0;
            while (all.hasNext()) {
                all.next();
                n++;
            }
            return n;
        }
    }

    @Test
    void takesDictionaryChangesWithoutRestartAndTombstonesRemoveThem() {
        raw.pipeInput("a1", article("a1", "RFI", "Africa Corps au Mali", T0));
        dictionary.pipeInput("actor:africa-corps", actor("africa-corps", "Africa Corps"));
        raw.pipeInput("a2", article("a2", "RFI", "Africa Corps au Niger", T0.plusSeconds(60)));
        dictionary.pipeInput("actor:africa-corps", (DictionaryEntry) null);
        raw.pipeInput("a3", article("a3", "RFI", "Africa Corps en Russie", T0.plusSeconds(120)));

        List<EnrichedArticle> results = enriched.readValuesToList();

        assertThat(results.get(0).getActors()).isEmpty();
        assertThat(results.get(1).getActors()).extracting(a -> a.getId()).containsExactly("africa-corps");
        assertThat(results.get(1).getDictionaryVersion()).isEqualTo("test-1");
        assertThat(results.get(2).getActors()).isEmpty();
    }

    /** Lets the emitter's wall-clock tick pass, as it does between two commits. */
    private void emit() {
        driver.advanceWallClockTime(EnrichSettings.defaults().emitInterval());
    }

    private List<MentionCount> mentionsList() {
        emit();
        return mentions.readValuesToList();
    }

    private static MentionCount latest(List<MentionCount> counts, String term, Instant windowStart) {
        return counts.stream()
                .filter(m -> m.getTerm().equals(term) && m.getWindowStart().equals(windowStart))
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    static Article article(String id, String source, String title, Instant publishedAt) {
        return Article.newBuilder()
                .setId(id).setUrl("https://example.org/" + id).setTitle(title).setSummary(null)
                .setSource(source).setFeedUrl("https://example.org/rss").setLanguage("fr")
                .setPublishedAt(publishedAt).setFetchedAt(publishedAt.plusSeconds(30))
                .setSourceDomain("example.org")
                .build();
    }

    static DictionaryEntry actor(String id, String alias) {
        return DictionaryEntry.newBuilder()
                .setKind(DictionaryEntryKind.ACTOR).setId(id).setName(alias).setType("armed-group")
                .setAliases(List.of(new Alias(alias, null, false)))
                .build();
    }

}
