package io.mediamonitor.schema;

import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertAcknowledgement;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.DictionaryEntry;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.Feed;
import io.mediamonitor.model.FeedStatus;
import io.mediamonitor.model.MentionCount;
import io.mediamonitor.model.MentionedArticle;
import io.mediamonitor.model.WatchlistEntry;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic catalogue: every topic of the system with its key and value types and layout. Names
 * are {@code prefix + suffix}, the prefix defaulting to {@value #DEFAULT_PREFIX} (config key
 * {@code topics.prefix}) so several deployments can share one cluster. The topics that carry the stream (feeds,
 * articles, mention counts) have {@code partitions} partitions (config key {@code topics.partitions}, default
 * {@value #DEFAULT_PARTITIONS}): as many instances of a job as that can share the work, and each partition costs
 * every job a task, batches and transaction markers (on two cores, 2 partitions took 5 to 29 % less CPU per
 * article than 6 in four pairs of runs; see tools/BENCHMARKS.md). It applies when a topic is created;
 * existing topics keep theirs.
 */
public final class Topics {

    public static final String DEFAULT_PREFIX = "media.";
    /** Kafka takes topic names of [a-zA-Z0-9._-], 249 at most; the longest suffix here is under 40. */
    private static final int MAX_PREFIX_LENGTH = 200;
    private static final Pattern LEGAL_PREFIX = Pattern.compile("[a-zA-Z0-9._-]{0," + MAX_PREFIX_LENGTH + "}");
    public static final int DEFAULT_PARTITIONS = 6;

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration MONTH = Duration.ofDays(30);
    private static final Duration YEAR = Duration.ofDays(365);

    private final String prefix;
    private final Topic<String, Article> articlesRaw;
    private final Topic<String, EnrichedArticle> articlesEnriched;
    private final Topic<String, MentionCount> mentions;
    private final Topic<String, MentionCount> mentionTotals;
    private final Topic<String, MentionedArticle> mentionArticles;
    private final Topic<String, Alert> alerts;
    private final Topic<String, AlertAcknowledgement> alertAcknowledgements;
    private final Topic<String, Feed> feeds;
    private final Topic<String, FeedStatus> feedsStatus;
    private final Topic<String, DictionaryEntry> dictionary;
    private final Topic<String, WatchlistEntry> watchlist;
    private final Topic<byte[], byte[]> deadLetter;

    public Topics(String prefix) {
        this(prefix, DEFAULT_PARTITIONS);
    }

    /** @param partitions of the topics that carry the stream: feeds, articles, mention counts and their articles */
    public Topics(String prefix, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("topics.partitions must be at least 1, got " + partitions);
        }
        this.prefix = prefix == null ? DEFAULT_PREFIX : prefix;
        if (!LEGAL_PREFIX.matcher(this.prefix).matches()) {
            // Kafka's own rule for topic names: a prefix outside it fails when the first topic is created
            throw new IllegalArgumentException("topics.prefix '" + this.prefix + "' cannot start a topic name: "
                    + "only letters, digits, '.', '_' and '-', at most " + MAX_PREFIX_LENGTH + " characters");
        }
        Serde<String> ids = Serdes.String();
        articlesRaw = topic("articles.raw", ids, AvroSerde.of(Article.class),
                TopicSpec.deleting(partitions, MONTH), "article id");
        articlesEnriched = topic("articles.enriched", ids, AvroSerde.of(EnrichedArticle.class),
                TopicSpec.deleting(partitions, MONTH), "article id");
        mentions = topic("mentions", ids, AvroSerde.of(MentionCount.class),
                TopicSpec.deleting(partitions, MONTH), "term");
        mentionTotals = topic("mentions.totals", ids, AvroSerde.of(MentionCount.class),
                TopicSpec.compactedFor(1, MONTH), "window start (epoch ms)");
        mentionArticles = topic("mentions.articles", ids, AvroSerde.of(MentionedArticle.class),
                TopicSpec.deleting(partitions, MONTH), "term");
        alerts = topic("alerts", ids, AvroSerde.of(Alert.class),
                TopicSpec.deleting(3, YEAR), "term");
        alertAcknowledgements = topic("alerts.acknowledgements", ids, AvroSerde.of(AlertAcknowledgement.class),
                TopicSpec.compacted(1), "alert id");
        feeds = topic("feeds", ids, AvroSerde.of(Feed.class),
                TopicSpec.compacted(partitions), "feed URL");
        feedsStatus = topic("feeds.status", ids, AvroSerde.of(FeedStatus.class),
                TopicSpec.compacted(partitions), "feed URL");
        dictionary = topic("dictionary", ids, AvroSerde.of(DictionaryEntry.class),
                TopicSpec.compacted(1), "actor:ID or keyword:TEXT");
        watchlist = topic("watchlist", ids, AvroSerde.of(WatchlistEntry.class),
                TopicSpec.compacted(1), "term");
        deadLetter = new Topic<>(this.prefix + "deadletter", Serdes.ByteArray(), Serdes.ByteArray(),
                TopicSpec.deleting(1, WEEK.multipliedBy(2)), "original key",
                "original bytes; headers name the reason and origin");
    }

    public static Topics withDefaultPrefix() {
        return new Topics(DEFAULT_PREFIX);
    }

    private <V extends org.apache.avro.specific.SpecificRecord> Topic<String, V> topic(
            String suffix, Serde<String> keys, AvroSerde<V> values, TopicSpec spec, String key) {
        return new Topic<>(prefix + suffix, keys, values, spec, key, values.type().getSimpleName() + " (Avro)");
    }

    public String prefix() {
        return prefix;
    }

    /** The partitions of the topics that carry the stream (feeds, articles, mention counts). */
    public int partitions() {
        return articlesRaw.spec().partitions();
    }

    public Topic<String, Article> articlesRaw() {
        return articlesRaw;
    }

    public Topic<String, EnrichedArticle> articlesEnriched() {
        return articlesEnriched;
    }

    public Topic<String, MentionCount> mentions() {
        return mentions;
    }

    /** The whole volume per window (term total:articles), keyed by window start: read as a GlobalKTable. */
    public Topic<String, MentionCount> mentionTotals() {
        return mentionTotals;
    }

    /**
     * Each article once per term it mentions, keyed and partitioned like {@link #mentions()}: the articles that
     * explain a term's counts, on the same partition as the counts and committed before them.
     */
    public Topic<String, MentionedArticle> mentionArticles() {
        return mentionArticles;
    }

    public Topic<String, Alert> alerts() {
        return alerts;
    }

    /** The topics that must have as many partitions as each other (see {@link TopicProvisioner}). */
    public List<CopartitionedTopics> copartitioned() {
        return List.of(new CopartitionedTopics(mentions, mentionArticles,
                "one alerts task reads a term's counts and the articles that explain them from the same partition of "
                        + "each, and would otherwise raise alerts that list none of their articles"));
    }

    /** Who took which alert in hand, one record per alert id: written and read by the dashboard. */
    public Topic<String, AlertAcknowledgement> alertAcknowledgements() {
        return alertAcknowledgements;
    }

    public Topic<String, Feed> feeds() {
        return feeds;
    }

    public Topic<String, FeedStatus> feedsStatus() {
        return feedsStatus;
    }

    public Topic<String, DictionaryEntry> dictionary() {
        return dictionary;
    }

    public Topic<String, WatchlistEntry> watchlist() {
        return watchlist;
    }

    public Topic<byte[], byte[]> deadLetter() {
        return deadLetter;
    }

    public List<Topic<?, ?>> all() {
        return List.of(articlesRaw, articlesEnriched, mentions, mentionTotals, mentionArticles, alerts, alertAcknowledgements, feeds,
                feedsStatus, dictionary, watchlist, deadLetter);
    }
}
