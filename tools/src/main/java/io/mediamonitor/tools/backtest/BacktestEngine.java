package io.mediamonitor.tools.backtest;

import io.mediamonitor.alerts.stream.AlertSettings;
import io.mediamonitor.alerts.stream.AlertTopology;
import io.mediamonitor.alerts.stream.SilenceClock;
import io.mediamonitor.enrich.EnrichSettings;
import io.mediamonitor.enrich.EnrichTopology;
import io.mediamonitor.enrich.LiveDictionary;
import io.mediamonitor.kafka.StreamsDefaults;
import io.mediamonitor.model.Alert;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.MentionCount;
import io.mediamonitor.model.MentionedArticle;
import io.mediamonitor.model.WatchlistEntry;
import io.mediamonitor.schema.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The production enrich and alert topologies, run without a broker on Kafka's TopologyTestDriver:
 * articles go in one at a time in the caller's order, everything enrich emits for one article is
 * handed to the alert topology before the next, and the alerts come out. Same input, same alerts.
 */
public final class BacktestEngine implements AutoCloseable {

    private final Topics topics = Topics.withDefaultPrefix();
    private final Path stateDir;
    private final TopologyTestDriver enrich;
    private final TopologyTestDriver alerts;
    private final TestInputTopic<String, Article> raw;
    private final TestOutputTopic<String, EnrichedArticle> enriched;
    private final TestOutputTopic<String, MentionCount> mentions;
    private final TestOutputTopic<String, MentionCount> totals;
    private final TestInputTopic<String, EnrichedArticle> enrichedIn;
    private final TestOutputTopic<String, MentionedArticle> articlesPerTerm;
    private final TestInputTopic<String, MentionedArticle> articlesPerTermIn;
    private final TestInputTopic<String, MentionCount> mentionsIn;
    private final TestInputTopic<String, MentionCount> totalsIn;
    private final TestInputTopic<String, WatchlistEntry> watchlistIn;
    private final TestOutputTopic<String, Alert> alertsOut;
    private final BacktestSummary summary = new BacktestSummary();
    private final java.time.Duration emitInterval;
    private final int maxArticleBytes;

    public BacktestEngine(EnrichSettings enrichSettings, LiveDictionary dictionary, AlertSettings alertSettings) {
        try {
            stateDir = Files.createTempDirectory("media-monitor-backtest");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory for the backtest", e);
        }
        emitInterval = enrichSettings.emitInterval();
        maxArticleBytes = enrichSettings.maxArticleBytes();
        Map<String, Object> noBroker = Map.of("bootstrap.servers", "backtest:9092");
        enrich = new TopologyTestDriver(
                EnrichTopology.build(topics, enrichSettings, dictionary, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)),
                StreamsDefaults.base("backtest-enrich", noBroker, topics.deadLetter().name(),
                        stateDir.resolve("enrich").toString()));
        // a replay in publication order: stream time judges silent sources
        alerts = new TopologyTestDriver(
                AlertTopology.build(topics, alertSettings.withSilenceClock(SilenceClock.STREAM_TIME)),
                StreamsDefaults.base("backtest-alerts", noBroker, topics.deadLetter().name(),
                        stateDir.resolve("alerts").toString()));
        raw = enrich.createInputTopic(topics.articlesRaw().name(), Serdes.String().serializer(),
                topics.articlesRaw().valueSerde().serializer());
        enriched = enrich.createOutputTopic(topics.articlesEnriched().name(), Serdes.String().deserializer(),
                topics.articlesEnriched().valueSerde().deserializer());
        mentions = enrich.createOutputTopic(topics.mentions().name(), Serdes.String().deserializer(),
                topics.mentions().valueSerde().deserializer());
        totals = enrich.createOutputTopic(topics.mentionTotals().name(), Serdes.String().deserializer(),
                topics.mentionTotals().valueSerde().deserializer());
        enrichedIn = alerts.createInputTopic(topics.articlesEnriched().name(), Serdes.String().serializer(),
                topics.articlesEnriched().valueSerde().serializer());
        articlesPerTerm = enrich.createOutputTopic(topics.mentionArticles().name(), Serdes.String().deserializer(),
                topics.mentionArticles().valueSerde().deserializer());
        articlesPerTermIn = alerts.createInputTopic(topics.mentionArticles().name(), Serdes.String().serializer(),
                topics.mentionArticles().valueSerde().serializer());
        mentionsIn = alerts.createInputTopic(topics.mentions().name(), Serdes.String().serializer(),
                topics.mentions().valueSerde().serializer());
        totalsIn = alerts.createInputTopic(topics.mentionTotals().name(), Serdes.String().serializer(),
                topics.mentionTotals().valueSerde().serializer());
        watchlistIn = alerts.createInputTopic(topics.watchlist().name(), Serdes.String().serializer(),
                topics.watchlist().valueSerde().serializer());
        alertsOut = alerts.createOutputTopic(topics.alerts().name(), Serdes.String().deserializer(),
                topics.alerts().valueSerde().deserializer());
    }

    /** Adds or replaces a watchlist entry, as an operator would on media.watchlist. */
    public void watch(WatchlistEntry entry) {
        watchlistIn.pipeInput(entry.getTerm(), entry);
    }

    /**
     * Why enrich would not take the article, or null: one over {@code enrich.max.article.bytes} serialized, which the
     * live job dead-letters (here it would vanish in the test driver, uncounted).
     */
    public String refusal(Article article) {
        int bytes = topics.articlesRaw().valueSerde().serializer().serialize(topics.articlesRaw().name(), article)
                .length;
        return bytes <= maxArticleBytes ? null : String.format("article of %,d bytes, over enrich.max.article.bytes "
                + "(%,d)", bytes, maxArticleBytes);
    }

    /** Processes one article and returns the alerts (new or changed) it caused. */
    public List<Alert> accept(Article article) {
        raw.pipeInput(article.getId(), article, article.getPublishedAt());
        enrich.advanceWallClockTime(emitInterval); // the counts it changed are emitted, as at a commit
        // totals first, so the detector sees the window's volume; then the articles (by source for silence, by
        // term to explain)
        for (var record : totals.readRecordsToList()) {
            totalsIn.pipeInput(record);
        }
        for (var record : enriched.readRecordsToList()) {
            summary.countArticle(record.value());
            enrichedIn.pipeInput(record);
        }
        for (var record : articlesPerTerm.readRecordsToList()) {
            articlesPerTermIn.pipeInput(record);
        }
        for (var record : mentions.readRecordsToList()) {
            mentionsIn.pipeInput(record);
        }
        List<Alert> raised = new ArrayList<>();
        for (KeyValue<String, Alert> alert : alertsOut.readKeyValuesToList()) {
            summary.countAlert(alert.value);
            raised.add(alert.value);
        }
        return raised;
    }

    public BacktestSummary summary() {
        return summary;
    }

    @Override
    public void close() {
        enrich.close();
        alerts.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is not worth failing a finished backtest
        }
    }
}
