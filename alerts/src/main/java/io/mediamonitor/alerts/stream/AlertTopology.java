package io.mediamonitor.alerts.stream;

import static io.mediamonitor.kafka.TopicStreams.consumed;
import static io.mediamonitor.kafka.TopicStreams.produced;

import io.mediamonitor.alerts.detect.SilenceDetector;
import io.mediamonitor.kafka.BoundedSerde;
import io.mediamonitor.kafka.GlobalTables;
import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertArticle;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.schema.AvroSerde;
import io.mediamonitor.schema.RecordLimits;
import io.mediamonitor.schema.Terms;
import io.mediamonitor.schema.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * media.mentions, each against its window's total in media.mentions.totals (GlobalKTable) → spike detector
 *     per term → media.alerts
 * media.mentions.articles (partitioned as media.mentions) → the articles that explain each alert
 * media.watchlist (GlobalKTable) → which terms alert, with which thresholds, changed at runtime
 * media.articles.enriched → articles by source, timed by when they were fetched → silence detector per source
 *     → media.alerts
 */
public final class AlertTopology {

    static final String WATCHLIST_STORE = "watchlist";
    static final String TOTALS_STORE = "mention-totals";

    private AlertTopology() {
    }

    public static Topology build(Topics topics, AlertSettings settings) {
        return build(topics, settings, alert -> { });
    }

    /** @param onAlert told of every alert record written (metrics) */
    public static Topology build(Topics topics, AlertSettings settings, java.util.function.Consumer<Alert> onAlert) {
        StreamsBuilder builder = new StreamsBuilder();

        // The whole volume of each window, which SpikeWatcher reads with the record time of each total: the
        // latest event time it has counted (a join would hand over the value without that time).
        GlobalTables.latestValues(builder, settings.stateStore().timestampedKeyValue(TOTALS_STORE),
                topics.mentionTotals().name(), consumed(topics.mentionTotals()).withName("read-totals"),
                topics.mentionTotals().valueSerde());
        GlobalTables.latestValues(builder, settings.stateStore().timestampedKeyValue(WATCHLIST_STORE),
                topics.watchlist().name(), consumed(topics.watchlist()).withName("read-watchlist"),
                topics.watchlist().valueSerde());
        // cached: a busy term's state changes with every update, and reaches disk and changelog once per commit
        builder.addStateStore(Stores.keyValueStoreBuilder(settings.stateStore().keyValue(SpikeWatcher.STORE),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
        AvroSerde<AlertArticle> articleSerde = AvroSerde.of(AlertArticle.class);
        TermArticleRecorder.stores(settings, articleSerde).forEach(builder::addStateStore);
        builder.addStateStore(LearnedWindows.store(settings));
        builder.addStateStore(Stores.keyValueStoreBuilder(settings.stateStore().keyValue(SilenceWatcher.STORE),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled());

        KStream<String, EnrichedArticle> enriched = builder.stream(topics.articlesEnriched().name(),
                consumed(topics.articlesEnriched(), readable(topics.articlesEnriched().valueSerde()))
                        .withName("read-enriched"));
        enriched
                .process(SourceArticles::new, Named.as("key-by-source"))
                .repartition(Repartitioned.<String, AlertArticle>as("articles-by-source")
                        .withKeySerde(Serdes.String()).withValueSerde(articleSerde))
                .process(() -> new SilenceWatcher(new SilenceDetector(settings.silence()), settings.silenceClock()),
                        Named.as("detect-silence"), SilenceWatcher.STORE)
                .peek((source, alert) -> onAlert.accept(alert), Named.as("count-silence-alerts"))
                .to(topics.alerts().name(), produced(topics.alerts()).withName("write-silence-alerts"));
        builder.stream(topics.mentionArticles().name(),
                        consumed(topics.mentionArticles(), readable(topics.mentionArticles().valueSerde()))
                                .withName("read-mentioned-articles"))
                .process(TermArticleRecorder::new, Named.as("remember-articles"), TermArticleRecorder.ARTICLES,
                        TermArticleRecorder.LABELS, TermArticleRecorder.SINCE);

        builder.stream(topics.mentions().name(),
                        consumed(topics.mentions(), readable(topics.mentions().valueSerde()))
                                .withName("read-mentions"))
                .filter((term, count) -> !Terms.TOTAL.equals(term), Named.as("terms-only"))
                .process(() -> new SpikeWatcher(settings), Named.as("detect-spikes"), SpikeWatcher.STORE,
                        TermArticleRecorder.ARTICLES, TermArticleRecorder.LABELS, TermArticleRecorder.SINCE,
                        LearnedWindows.STORE)
                .peek((term, alert) -> onAlert.accept(alert), Named.as("count-alerts"))
                .to(topics.alerts().name(), produced(topics.alerts()).withName("write-alerts"));

        return builder.build();
    }

    /** Null values, which no writer of these topics sends, are dead-lettered on reading, with the reason. */
    private static <V> Serde<V> readable(Serde<V> values) {
        return BoundedSerde.of(values, RecordLimits.MAX_REQUEST_BYTES, "max.request.size");
    }
}
