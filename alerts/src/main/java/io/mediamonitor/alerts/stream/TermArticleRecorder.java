package io.mediamonitor.alerts.stream;

import io.mediamonitor.model.AlertArticle;
import io.mediamonitor.model.MentionedArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Remembers the articles of each term by publication time, keyed by term like media.mentions, so an alert on
 * the term can show the articles of its window. One write per article and term, nothing read back: the
 * store forgets an article once its windows take no more late articles. Also remembers each term's display
 * name, and the oldest article the task has read.
 */
final class TermArticleRecorder implements Processor<String, MentionedArticle, Void, Void> {

    static final String ARTICLES = "term-articles-by-time";
    static final String LABELS = "term-labels";
    static final String SINCE = "articles-since";
    private static final String EARLIEST = "earliest";

    private KeyValueStore<String, String> labels;
    private WindowStore<String, AlertArticle> articles;
    private KeyValueStore<String, Long> since;
    /** What this task last wrote to the label and "since" stores, so an unchanged value is not written again. */
    private Map<String, String> knownLabels;
    private Long earliest;

    static List<StoreBuilder<?>> stores(AlertSettings settings, org.apache.kafka.common.serialization.Serde<AlertArticle> serde) {
        Duration window = Duration.ofMillis(settings.detector().windowSizeMs());
        return List.of(
                Stores.windowStoreBuilder(settings.stateStore().window(ARTICLES, window.plus(settings.lateness()),
                        window, true), Serdes.String(), serde),
                Stores.keyValueStoreBuilder(settings.stateStore().keyValue(LABELS), Serdes.String(), Serdes.String())
                        .withCachingEnabled(),
                Stores.keyValueStoreBuilder(settings.stateStore().keyValue(SINCE), Serdes.String(), Serdes.Long())
                        .withCachingEnabled());
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        labels = context.getStateStore(LABELS);
        articles = context.getStateStore(ARTICLES);
        since = context.getStateStore(SINCE);
        knownLabels = new HashMap<>();
        earliest = since.get(EARLIEST);
    }

    @Override
    public void process(Record<String, MentionedArticle> record) {
        AlertArticle article = record.value().getArticle();
        long published = article.getPublishedAt().toEpochMilli();
        if (earliest == null || published < earliest) {
            earliest = published;
            since.put(EARLIEST, earliest);
        }
        String label = record.value().getLabel();
        if (!label.equals(knownLabels.get(record.key()))) {
            if (!label.equals(labels.get(record.key()))) {
                labels.put(record.key(), label);
            }
            knownLabels.put(record.key(), label);
        }
        articles.put(record.key(), article, published);
    }

    /** The term's display name as the tagger reported it, or null. */
    static String label(KeyValueStore<String, String> labels, String term) {
        return labels.get(term);
    }

    /** The articles of {@code term} published in [from, to). */
    static List<AlertArticle> between(WindowStore<String, AlertArticle> articles, String term, Instant from,
                                      Instant to) {
        List<AlertArticle> found = new ArrayList<>();
        try (WindowStoreIterator<AlertArticle> it = articles.fetch(term, from, to.minusMillis(1))) {
            it.forEachRemaining(kv -> found.add(kv.value));
        }
        return found;
    }

    /** Publication time of the oldest article seen, or null: since when the task has been watching. */
    static Instant earliest(KeyValueStore<String, Long> since) {
        Long earliest = since.get(EARLIEST);
        return earliest == null ? null : Instant.ofEpochMilli(earliest);
    }
}
