package io.mediamonitor.enrich;

import io.mediamonitor.model.Article;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.MentionCount;
import io.mediamonitor.model.state.MentionEvent;
import io.mediamonitor.model.state.MentionTally;
import io.mediamonitor.model.state.StoryState;
import io.mediamonitor.schema.AvroSerde;
import io.mediamonitor.schema.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * media.articles.raw → drop repeats → story dedup → tag → media.articles.enriched
 *                    → mentions per term → hopping windows of distinct stories and sources → media.mentions
 *                                                                         (total:articles) → media.mentions.totals
 *
 * <p>Event time is publishedAt ({@link ArticleTimestampExtractor}). Every store and repartition
 * topic is named, so the topology can evolve without orphaning state.
 */
public final class EnrichTopology {

    public static final String MENTION_COUNTS_STORE = "mention-counts";
    /** How long windowed counts stay queryable for the dashboard, beyond the window and grace. */
    static final Duration QUERYABLE_HISTORY = Duration.ofDays(7);

    private EnrichTopology() {
    }

    public static Topology build(Topics topics, EnrichSettings settings, LiveDictionary dictionary, Clock clock) {
        return build(topics, settings, dictionary, clock, () -> { });
    }

    /** @param onTagged called once per tagged article, e.g. to count the tagging rate */
    public static Topology build(Topics topics, EnrichSettings settings, LiveDictionary dictionary, Clock clock,
                                 Runnable onTagged) {
        StreamsBuilder builder = new StreamsBuilder();
        AvroSerde<StoryState> storySerde = AvroSerde.of(StoryState.class);
        AvroSerde<MentionEvent> mentionSerde = AvroSerde.of(MentionEvent.class);
        AvroSerde<MentionTally> tallySerde = AvroSerde.of(MentionTally.class);

        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DictionaryUpdater.STORE),
                        Serdes.String(), topics.dictionary().valueSerde()).withLoggingDisabled(),
                topics.dictionary().name(),
                Consumed.with(Serdes.String(), topics.dictionary().valueSerde()).withName("read-dictionary"),
                () -> new DictionaryUpdater(dictionary));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RepeatFilter.STORE), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoryDeduplicator.STORE), Serdes.String(), storySerde));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CountingSince.STORE), Serdes.String(), Serdes.Long()));

        KStream<String, Article> articles = builder.stream(topics.articlesRaw().name(),
                Consumed.with(topics.articlesRaw().keySerde(), topics.articlesRaw().valueSerde())
                        .withTimestampExtractor(new ArticleTimestampExtractor())
                        .withName("read-articles"));

        ArticleTagging tagging = new ArticleTagging(dictionary, clock, onTagged);
        KStream<String, EnrichedArticle> enriched = articles
                .processValues(() -> new RepeatFilter(settings.idHorizon()), Named.as("drop-repeats"), RepeatFilter.STORE)
                .selectKey((id, article) -> StoryFingerprint.of(article), Named.as("key-by-story"))
                .repartition(Repartitioned.<String, Article>as("articles-by-story")
                        .withKeySerde(Serdes.String()).withValueSerde(topics.articlesRaw().valueSerde()))
                .process(() -> new StoryDeduplicator(settings.storyHorizon()), Named.as("join-stories"),
                        StoryDeduplicator.STORE)
                .mapValues(tagging::tag, Named.as("tag"));

        enriched.to(topics.articlesEnriched().name(), Produced.with(topics.articlesEnriched().keySerde(),
                topics.articlesEnriched().valueSerde()).withName("write-enriched"));

        MentionExtractor extractor = new MentionExtractor(settings.countPairs());
        TimeWindows windows = TimeWindows.ofSizeAndGrace(settings.windowSize(), settings.windowGrace())
                .advanceBy(settings.windowAdvance());
        KStream<String, MentionCount> counts = enriched
                .flatMap((id, article) -> extractor.mentions(article), Named.as("extract-mentions"))
                .processValues(CountingSince::new, Named.as("stamp-counting-since"), CountingSince.STORE)
                .groupByKey(Grouped.with("mentions-by-term", Serdes.String(), mentionSerde))
                .windowedBy(windows)
                .aggregate(MentionTallies::empty, (term, mention, tally) -> MentionTallies.add(term, tally, mention),
                        Named.as("count-mentions"),
                        Materialized.<String, MentionTally, WindowStore<Bytes, byte[]>>as(MENTION_COUNTS_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(tallySerde)
                                .withRetention(settings.windowSize().plus(settings.windowGrace()).plus(QUERYABLE_HISTORY)))
                .toStream(Named.as("mention-updates"))
                .map((window, tally) -> KeyValue.pair(window.key(), MentionTallies.toCount(window.key(),
                        Instant.ofEpochMilli(window.window().start()), Instant.ofEpochMilli(window.window().end()),
                        tally)), Named.as("to-mention-count"));
        counts.to(topics.mentions().name(), Produced.with(topics.mentions().keySerde(),
                topics.mentions().valueSerde()).withName("write-mentions"));
        // the whole volume per window, keyed by window start, so detectors on any partition can read it
        counts.filter((term, count) -> Terms.TOTAL.equals(term), Named.as("totals-only"))
                .selectKey((term, count) -> Long.toString(count.getWindowStart().toEpochMilli()), Named.as("key-by-window"))
                .to(topics.mentionTotals().name(), Produced.with(topics.mentionTotals().keySerde(),
                        topics.mentionTotals().valueSerde()).withName("write-totals"));

        return builder.build();
    }
}
