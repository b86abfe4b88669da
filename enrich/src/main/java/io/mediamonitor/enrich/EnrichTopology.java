package io.mediamonitor.enrich;

import static io.mediamonitor.kafka.TopicStreams.consumed;
import static io.mediamonitor.kafka.TopicStreams.produced;

import io.mediamonitor.enrich.counting.MentionCounter;
import io.mediamonitor.enrich.counting.MentionStores;
import io.mediamonitor.enrich.counting.TotalOnFirstPartition;
import io.mediamonitor.enrich.counting.WholeVolume;
import io.mediamonitor.kafka.BoundedSerde;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.MentionCount;
import io.mediamonitor.model.state.MentionEvent;
import io.mediamonitor.schema.AvroSerde;
import io.mediamonitor.schema.RecordLimits;
import io.mediamonitor.schema.Terms;
import io.mediamonitor.schema.Topics;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * media.articles.raw → drop repeats → tag → join stories (near-duplicates too, one task) → media.articles.enriched
 *                    → the article once per term → media.mentions.articles (committed before the counts it is in)
 *                    → mentions per term (and total:articles, the whole volume), each with its windows' volumes and
 *                      what it changes in them (a new story, a story no longer one source's alone)
 *                      → counts per term and hopping window (distinct stories and sources, with the window's volume,
 *                      coalesced per emit interval) → media.mentions; total:articles also → media.mentions.totals
 *
 * <p>Event time is publishedAt ({@link ArticleTimestampExtractor}). Every store and repartition
 * topic is named, so the topology can evolve without orphaning state.
 */
public final class EnrichTopology {

    /** The queryable store of windowed counts (see {@link MentionQueries}). */
    public static final String MENTION_COUNTS_STORE = MentionStores.WINDOWS;
    /** How long windowed counts stay queryable for the dashboard, beyond the window and its lateness. */
    static final Duration QUERYABLE_HISTORY = Duration.ofDays(7);
    /** An enriched article leaves this much of a request for its key, headers and the batch's own bytes. */
    private static final int MAX_ENRICHED_BYTES = RecordLimits.MAX_REQUEST_BYTES - 16 * 1024;

    private EnrichTopology() {
    }

    public static Topology build(Topics topics, EnrichSettings settings, LiveDictionary dictionary, Clock clock) {
        return build(topics, settings, dictionary, clock, () -> { });
    }

    /** For a raw topic of one partition, as the test driver has. */
    public static Topology build(Topics topics, EnrichSettings settings, LiveDictionary dictionary, Clock clock,
                                 Runnable onTagged) {
        return build(topics, settings, dictionary, clock, onTagged, 1);
    }

    /**
     * @param onTagged      called once per tagged article, e.g. to count the tagging rate
     * @param rawPartitions the raw topic's partitions, 0 if not known: story dedup waits for each before windows
     *                      close
     */
    public static Topology build(Topics topics, EnrichSettings settings, LiveDictionary dictionary, Clock clock,
                                 Runnable onTagged, int rawPartitions) {
        StreamsBuilder builder = new StreamsBuilder();
        readDictionary(builder, topics, settings, dictionary);
        MentionExtractor extractor = new MentionExtractor(settings.countPairs());
        KStream<String, JoinedArticle> enriched = enrich(builder, topics, settings,
                new ArticleTagging(dictionary, clock, onTagged), extractor, rawPartitions);
        enriched.mapValues(JoinedArticle::article, Named.as("enriched-only"))
                .to(topics.articlesEnriched().name(), produced(topics.articlesEnriched(),
                        // checked before it is sent: a record the producer refused would abort the transaction
                        BoundedSerde.of(topics.articlesEnriched().valueSerde(), MAX_ENRICHED_BYTES,
                                "the request size")).withName("write-enriched"));
        // in the same transaction as the enriched article, so before any count it is part of: the alerts job finds
        // a count's articles already there, without waiting on a topic that might still bring them
        enriched.flatMap((id, joined) -> MentionedArticles.of(joined.article(), settings.countPairs()),
                        Named.as("articles-per-term"))
                .to(topics.mentionArticles().name(), produced(topics.mentionArticles(),
                        BoundedSerde.of(topics.mentionArticles().valueSerde(), MAX_ENRICHED_BYTES, "the request size"))
                        .withName("write-mentioned-articles"));

        KStream<String, MentionCount> counts = count(builder, enriched, settings, extractor);
        counts.to(topics.mentions().name(), produced(topics.mentions()).withName("write-mentions"));
        // the whole volume per window, keyed by window start, so detectors on any partition can read it
        counts.filter((term, count) -> Terms.TOTAL.equals(term), Named.as("totals-only"))
                .selectKey((term, count) -> Long.toString(count.getWindowStart().toEpochMilli()), Named.as("key-by-window"))
                .to(topics.mentionTotals().name(), produced(topics.mentionTotals()).withName("write-totals"));
        return builder.build();
    }

    /** media.dictionary as a global store: operators' actors and keywords reach every task at runtime. */
    private static void readDictionary(StreamsBuilder builder, Topics topics, EnrichSettings settings,
                                       LiveDictionary dictionary) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(settings.stateStore().keyValue(DictionaryUpdater.STORE),
                        Serdes.String(), topics.dictionary().valueSerde()).withLoggingDisabled(),
                topics.dictionary().name(),
                consumed(topics.dictionary()).withName("read-dictionary"),
                () -> new DictionaryUpdater(dictionary));
    }

    /** Raw articles, each once, tagged and joined to its story. */
    private static KStream<String, JoinedArticle> enrich(StreamsBuilder builder, Topics topics,
                                                         EnrichSettings settings, ArticleTagging tagging,
                                                         MentionExtractor extractor, int rawPartitions) {
        RepeatFilter.stores(settings.stateStore()).forEach(builder::addStateStore);
        StoryDeduplicator.stores(settings.stateStore()).forEach(builder::addStateStore);
        return builder.stream(topics.articlesRaw().name(),
                        // null, oversized and undated values are dead-lettered on reading, before they reach any output
                        consumed(topics.articlesRaw(), BoundedSerde.of(topics.articlesRaw().valueSerde(),
                                        settings.maxArticleBytes(), "enrich.max.article.bytes")
                                        .refusing(ArticleTimestampExtractor::undated))
                                .withTimestampExtractor(new ArticleTimestampExtractor())
                                .withName("read-articles"))
                .processValues(() -> new RepeatFilter(settings.idHorizon()), Named.as("drop-repeats"), RepeatFilter.STORE,
                        RepeatFilter.EXPIRY)
                .repartition(Repartitioned.<String, Article>as("articles-by-story")
                        .withKeySerde(Serdes.String()).withValueSerde(topics.articlesRaw().valueSerde())
                        .withStreamPartitioner(new OneStoryTask()))
                .mapValues(tagging::tag, Named.as("tag"))
                .process(() -> new StoryDeduplicator(settings.storyHorizon(), settings.lateness(), settings.grid(),
                                NearDuplicates.defaults(), extractor, rawPartitions, settings.maxWatermarkLag()),
                        Named.as("join-stories"), StoryDeduplicator.STORE, StoryDeduplicator.EXPIRY,
                        WholeVolume.STORE, StoryDeduplicator.WATERMARK);
    }

    /** One mention per term an article counts towards, counted in the term's windows. */
    private static KStream<String, MentionCount> count(StreamsBuilder builder, KStream<String, JoinedArticle> enriched,
                                                       EnrichSettings settings, MentionExtractor extractor) {
        MentionStores stores = new MentionStores(settings.grid(), settings.lateness(), settings.storyHorizon(),
                QUERYABLE_HISTORY, settings.stateStore());
        stores.builders().forEach(builder::addStateStore);
        builder.addStateStore(Stores.keyValueStoreBuilder(
                settings.stateStore().keyValue(CountingSince.STORE), Serdes.String(), Serdes.Long()).withCachingEnabled());
        return enriched
                .flatMap((id, joined) -> extractor.mentions(joined.article(), joined.newStoryWindows(),
                                joined.windowVolumes(), joined.termChanges(), joined.watermark()),
                        Named.as("extract-mentions"))
                .processValues(CountingSince::new, Named.as("stamp-counting-since"), CountingSince.STORE)
                .repartition(Repartitioned.<String, MentionEvent>as("mentions-by-term")
                        .withKeySerde(Serdes.String()).withValueSerde(AvroSerde.of(MentionEvent.class))
                        .withStreamPartitioner(new TotalOnFirstPartition()))
                .process(() -> new MentionCounter(stores, settings.emitInterval()), Named.as("count-mentions"),
                        stores.names());
    }
}
